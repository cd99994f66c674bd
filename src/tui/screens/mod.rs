//! The screens the app stacks above the library: the reader and the bookmarks. (The library
//! and the search results, worked on apart for now, stay beside this folder.) Each holds its
//! own state, update and drawing, and answers an action with a [`Go`](super::go::Go).

pub mod bookmarks;
pub mod reader;
