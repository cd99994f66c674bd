//! The screens the app stacks above the library: the reader, the bookmarks and the feeds. (The library
//! and the search results, worked on apart for now, stay beside this folder.) Each holds its
//! own state, update and drawing, and answers an action with a [`Go`](super::go::Go).

pub mod bookmarks;
pub mod feeds;
pub mod reader;
