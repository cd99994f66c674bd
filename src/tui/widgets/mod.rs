//! What the screens draw with: laid-out text put into the buffer glyph by glyph (`draw`, with
//! the context every drawing function takes), the colours and styles of the theme (`theme`),
//! and the one-line snippet of a search result fitted to its width (`snippet`).

pub mod draw;
pub mod snippet;
pub mod theme;
