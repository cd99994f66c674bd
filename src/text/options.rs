//! How a paragraph is to be laid out: its direction, by which rule, and whether Arabic is
//! shaped for the terminal.

/// Paragraph direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// From the first strong character (UAX #9 P2-P3); left to right when there is none.
    #[default]
    Auto,
    /// From most of the strong letters (an Arabic paragraph that starts with a Latin word is
    /// still right to left); on a tie, as `Auto`. Not Unicode's rule: the reader's.
    Majority,
    Ltr,
    Rtl,
}

/// How to lay out a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub direction: Direction,
    /// Use Arabic presentation forms, for terminals that do not shape by themselves.
    pub shape: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            direction: Direction::Auto,
            shape: true,
        }
    }
}
