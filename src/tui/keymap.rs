//! Keys to actions, per screen: one table that both dispatches keys and writes the help screen,
//! so the two never disagree. The config can bind more keys to any action.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Library,
    Reader,
}

/// A key with its modifiers (Shift is folded into the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn from_event(e: KeyEvent) -> Self {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// Parses `j`, `G`, `?`, `Space`, `Enter`, `Esc`, `Backspace`, `Up`, `PageDown`, `Home`,
    /// `Ctrl-c`, `F1`...
    pub fn parse(s: &str) -> Option<Self> {
        let (ctrl, rest) = match s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("C-")) {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let code = match rest {
            "Space" | " " => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Backspace" => KeyCode::Backspace,
            "Tab" => KeyCode::Tab,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            f if f.starts_with('F') && f.len() > 1 => {
                KeyCode::F(f.strip_prefix('F')?.parse().ok()?)
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl })
    }

    /// How the help screen writes the key.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub key: Key,
    pub action: Action,
}

const DEFAULTS: &[(Scope, &str, Action)] = &[
    (Scope::Global, "?", Action::Help),
    (Scope::Global, "Ctrl-c", Action::Quit),
    (Scope::Library, "q", Action::Quit),
    (Scope::Library, "j", Action::Down),
    (Scope::Library, "Down", Action::Down),
    (Scope::Library, "k", Action::Up),
    (Scope::Library, "Up", Action::Up),
    (Scope::Library, "PageDown", Action::PageDown),
    (Scope::Library, "PageUp", Action::PageUp),
    (Scope::Library, "g", Action::First),
    (Scope::Library, "Home", Action::First),
    (Scope::Library, "G", Action::Last),
    (Scope::Library, "End", Action::Last),
    (Scope::Library, "Enter", Action::Open),
    (Scope::Library, "s", Action::ToggleSort),
    (Scope::Library, "S", Action::ShowSkipped),
    (Scope::Library, "Esc", Action::Back),
    (Scope::Library, "/", Action::Search),
    (Scope::Reader, "q", Action::Back),
    (Scope::Reader, "Esc", Action::Back),
    (Scope::Reader, "PageDown", Action::NextPage),
    (Scope::Reader, "Space", Action::NextPage),
    (Scope::Reader, "PageUp", Action::PrevPage),
    (Scope::Reader, "Backspace", Action::PrevPage),
    (Scope::Reader, "g", Action::First),
    (Scope::Reader, "Home", Action::First),
    (Scope::Reader, "G", Action::Last),
    (Scope::Reader, "End", Action::Last),
    (Scope::Reader, "j", Action::NextParagraph),
    (Scope::Reader, "Down", Action::NextParagraph),
    (Scope::Reader, "k", Action::PrevParagraph),
    (Scope::Reader, "Up", Action::PrevParagraph),
    (Scope::Reader, "/", Action::Search),
    (Scope::Reader, "n", Action::NextMatch),
    (Scope::Reader, "N", Action::PrevMatch),
    (Scope::Reader, "b", Action::ToggleBookmark),
    (Scope::Reader, "m", Action::EditNote),
    (Scope::Reader, "B", Action::Bookmarks),
    (Scope::Library, "B", Action::Bookmarks),
    (Scope::Library, "d", Action::Delete),
    (Scope::Library, "u", Action::Undo),
];

/// Which screens an action makes sense on, for bindings added by the config.
fn scopes_of(action: Action) -> &'static [Scope] {
    match action {
        Action::Help | Action::Quit => &[Scope::Global],
        Action::Back | Action::First | Action::Last | Action::Search => {
            &[Scope::Library, Scope::Reader]
        }
        Action::NextPage
        | Action::PrevPage
        | Action::NextParagraph
        | Action::PrevParagraph
        | Action::NextMatch
        | Action::PrevMatch
        | Action::ToggleBookmark
        | Action::EditNote => &[Scope::Reader],
        Action::Bookmarks => &[Scope::Library, Scope::Reader],
        _ => &[Scope::Library],
    }
}

/// The key bindings in force.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .filter_map(|&(scope, key, action)| {
                    Some(Binding {
                        scope,
                        key: Key::parse(key)?,
                        action,
                    })
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The defaults plus the config's `[keys]` (action name -> keys), which take precedence.
    pub fn with_config(keys: &BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut added = Vec::new();
        for (name, list) in keys {
            let action = Action::from_name(name)
                .ok_or_else(|| format!("[keys]: unknown action `{name}`"))?;
            for k in list {
                let key =
                    Key::parse(k).ok_or_else(|| format!("[keys] {name}: unknown key `{k}`"))?;
                for &scope in scopes_of(action) {
                    added.push(Binding { scope, key, action });
                }
            }
        }
        let mut map = Keymap::default();
        added.extend(map.bindings);
        map.bindings = added;
        Ok(map)
    }

    /// The action for `key` on a screen of `scope`.
    pub fn resolve(&self, key: Key, scope: Scope) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.key == key && (b.scope == scope || b.scope == Scope::Global))
            .map(|b| b.action)
    }

    /// The keys of each action on `scope`, in help order.
    pub fn help(&self, scope: Scope) -> Vec<(Action, Vec<Key>)> {
        Action::ALL
            .iter()
            .filter_map(|&action| {
                let keys: Vec<Key> = self
                    .bindings
                    .iter()
                    .filter(|b| {
                        b.action == action && (b.scope == scope || b.scope == Scope::Global)
                    })
                    .filter(|b| self.resolve(b.key, scope) == Some(action))
                    .map(|b| b.key)
                    .collect();
                (!keys.is_empty()).then_some((action, keys))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn resolves_per_screen() {
        let m = Keymap::default();
        assert_eq!(m.resolve(key("q"), Scope::Library), Some(Action::Quit));
        assert_eq!(m.resolve(key("q"), Scope::Reader), Some(Action::Back));
        assert_eq!(
            m.resolve(key("Space"), Scope::Reader),
            Some(Action::NextPage)
        );
        assert_eq!(m.resolve(key("?"), Scope::Reader), Some(Action::Help));
        assert_eq!(m.resolve(key("Ctrl-c"), Scope::Library), Some(Action::Quit));
        assert_eq!(m.resolve(key("x"), Scope::Library), None);
    }

    #[test]
    fn config_keys_take_precedence() {
        let mut keys = BTreeMap::new();
        keys.insert("next_page".to_owned(), vec!["l".to_owned(), "j".to_owned()]);
        let m = Keymap::with_config(&keys).unwrap();
        assert_eq!(m.resolve(key("l"), Scope::Reader), Some(Action::NextPage));
        assert_eq!(m.resolve(key("j"), Scope::Reader), Some(Action::NextPage));
        // the help shows j for next_page only, not for next_paragraph any more
        let help = m.help(Scope::Reader);
        let next_para = help
            .iter()
            .find(|(a, _)| *a == Action::NextParagraph)
            .unwrap();
        assert!(!next_para.1.contains(&key("j")));
        assert!(Keymap::with_config(&[("fly".to_owned(), vec![])].into()).is_err());
    }

    #[test]
    fn every_action_has_a_name_and_a_description() {
        for &a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(!a.describe().is_empty());
        }
    }
}
