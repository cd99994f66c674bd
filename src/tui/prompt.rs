//! The prompt in the status bar: what it is for (a search, a note, a filter), the text typed
//! so far and a cursor in it (a byte offset, at a character boundary). Editing keys are the
//! readline ones: Left/Right, Home/End (and Ctrl-A/Ctrl-E), Backspace, Delete, Ctrl-U (to the
//! start), Ctrl-W (the word before). A paste is inserted as text; a pasted newline never
//! submits.

use ratatui::crossterm::event::KeyCode;

use super::keymap::Key;

/// What the prompt's text is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptFor {
    /// A search of the article or of the collection.
    Search,
    /// The note of the bookmark on the reader's cursor paragraph.
    Note,
    /// Filtering the bookmarks screen.
    Filter,
    /// Filtering the library by title, as it is typed.
    Titles,
}

impl PromptFor {
    /// The message of the label shown before the text.
    pub fn label(self) -> &'static str {
        match self {
            PromptFor::Search => "prompt-search",
            PromptFor::Note => "prompt-note",
            PromptFor::Filter => "prompt-filter",
            PromptFor::Titles => "prompt-titles",
        }
    }
}

/// The open prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: PromptFor,
    pub text: String,
    /// Byte offset of the cursor in `text`.
    pub cursor: usize,
    /// Earlier entries (oldest first) that Up and Down recall, and which one is shown.
    pub history: Vec<String>,
    recalled: Option<usize>,
}

/// What a key did to the prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Enter: the text, to act on.
    Submit(String),
    /// Esc: closed without acting.
    Cancel,
    /// The text or the cursor changed, or nothing happened.
    Typed,
}

impl Prompt {
    /// A prompt for `purpose` holding `text`, the cursor at its end.
    pub fn new(purpose: PromptFor, text: String) -> Self {
        Prompt {
            purpose,
            cursor: text.len(),
            text,
            history: Vec::new(),
            recalled: None,
        }
    }

    /// With earlier entries for Up/Down to recall, oldest first.
    #[must_use]
    pub fn with_history(mut self, history: Vec<String>) -> Self {
        self.history = history;
        self
    }

    /// Inserts `text` at the cursor: line breaks and other controls become spaces.
    pub fn insert(&mut self, text: &str) {
        let clean = crate::text::printable(text);
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.text
            .get(..at)
            .and_then(|s| s.char_indices().next_back())
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(self.text.len(), |c| at + c.len_utf8())
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let before = self.text.get(..self.cursor).unwrap_or_default();
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    fn recall(&mut self, older: bool) {
        if self.history.is_empty() {
            return;
        }
        let last = self.history.len() - 1;
        let next = match (self.recalled, older) {
            (None, true) => Some(last),
            (None, false) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i < last => Some(i + 1),
            (Some(_), false) => None,
        };
        self.recalled = next;
        self.text = next.map(|i| self.history[i].clone()).unwrap_or_default();
        self.cursor = self.text.len();
    }

    /// Applies one key.
    pub fn key(&mut self, key: Key) -> Edit {
        // No Alt chord edits: Alt-b is not b typed.
        if key.alt {
            return Edit::Typed;
        }
        match (key.code, key.ctrl) {
            (KeyCode::Enter, _) => return Edit::Submit(self.text.clone()),
            (KeyCode::Esc, _) | (KeyCode::Char('c' | 'g'), true) => return Edit::Cancel,
            (KeyCode::Left, _) | (KeyCode::Char('b'), true) => {
                self.cursor = self.prev_boundary(self.cursor);
            }
            (KeyCode::Right, _) | (KeyCode::Char('f'), true) => {
                self.cursor = self.next_boundary(self.cursor);
            }
            (KeyCode::Home, _) | (KeyCode::Char('a'), true) => self.cursor = 0,
            (KeyCode::End, _) | (KeyCode::Char('e'), true) => self.cursor = self.text.len(),
            (KeyCode::Backspace, _) | (KeyCode::Char('h'), true) => {
                let from = self.prev_boundary(self.cursor);
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            (KeyCode::Delete, _) | (KeyCode::Char('d'), true) => {
                let to = self.next_boundary(self.cursor);
                self.text.replace_range(self.cursor..to, "");
            }
            (KeyCode::Char('u'), true) => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            (KeyCode::Char('w'), true) => {
                let from = self.word_start();
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            (KeyCode::Up, _) => self.recall(true),
            (KeyCode::Down, _) => self.recall(false),
            (KeyCode::Char(c), false) => self.insert(c.encode_utf8(&mut [0; 4])),
            _ => {}
        }
        Edit::Typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(p: &mut Prompt, keys: &str) {
        for k in keys.split_whitespace() {
            p.key(Key::parse(k).unwrap());
        }
    }

    #[test]
    fn an_alt_chord_types_nothing() {
        let mut p = Prompt::new(PromptFor::Search, String::new());
        keys(&mut p, "a Alt-b Alt-Backspace");
        assert_eq!(p.text, "a");
    }

    #[test]
    fn editing_moves_by_characters() {
        let mut p = Prompt::new(PromptFor::Search, "سلام عليكم".to_owned());
        keys(&mut p, "Left Left Backspace");
        assert_eq!(p.text, "سلام علكم");
        keys(&mut p, "Home Delete");
        assert_eq!(p.text, "لام علكم");
        keys(&mut p, "End Ctrl-w");
        assert_eq!(p.text, "لام ");
        p.insert("a\nb");
        assert_eq!(p.text, "لام a b", "a pasted newline is a space");
        keys(&mut p, "Left Ctrl-u");
        assert_eq!((p.text.as_str(), p.cursor), ("b", 0));
        assert_eq!(
            p.key(Key::parse("Enter").unwrap()),
            Edit::Submit("b".into())
        );
    }

    #[test]
    fn up_and_down_recall_earlier_entries() {
        let mut p = Prompt::new(PromptFor::Search, String::new())
            .with_history(vec!["قديم".into(), "جديد".into()]);
        keys(&mut p, "Up");
        assert_eq!(p.text, "جديد");
        keys(&mut p, "Up Up");
        assert_eq!(p.text, "قديم");
        keys(&mut p, "Down");
        assert_eq!(p.text, "جديد");
        keys(&mut p, "Down");
        assert_eq!(p.text, "");
    }
}
