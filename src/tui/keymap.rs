//! Keys to actions, per screen: one table that both dispatches keys and writes the help screen,
//! so the two never disagree. The config can bind more keys to any action.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies: everywhere, or on one screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Library,
    Results,
    Reader,
    Bookmarks,
    Feeds,
}

impl Scope {
    /// The screens, for bindings that apply to several.
    pub const SCREENS: [Scope; 5] = [
        Scope::Library,
        Scope::Results,
        Scope::Reader,
        Scope::Bookmarks,
        Scope::Feeds,
    ];
}

/// A key with its modifiers (Shift is folded into the character). Alt is kept: Alt-q is not
/// q, and an Alt chord that nothing binds does nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key with no modifier.
    pub fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn from_event(e: KeyEvent) -> Self {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `j`, `G`, `?`, `Space`, `Enter`, `Esc`, `Backspace`, `Up`, `PageDown`, `Home`,
    /// `Ctrl-c`, `Alt-d`, `Ctrl-Alt-x`, `F1`...
    pub fn parse(s: &str) -> Option<Self> {
        let (mut ctrl, mut alt, mut rest) = (false, false, s);
        loop {
            if let Some(r) = rest
                .strip_prefix("Ctrl-")
                .or_else(|| rest.strip_prefix("C-"))
            {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest
                .strip_prefix("Alt-")
                .or_else(|| rest.strip_prefix("M-"))
            {
                (alt, rest) = (true, r);
            } else {
                break;
            }
        }
        let code = match rest {
            "Space" | " " => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
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
        Some(Key { code, ctrl, alt })
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
        let alt = if self.alt { "Alt-" } else { "" };
        let ctrl = if self.ctrl { "Ctrl-" } else { "" };
        format!("{ctrl}{alt}{name}")
    }
}

/// One binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub key: Key,
    pub action: Action,
}

use Scope::{Bookmarks, Feeds, Global, Library, Reader, Results};

/// Moving in a list: the library, the results and the bookmarks share these.
const LIST_KEYS: &[(&str, Action)] = &[
    ("j", Action::Down),
    ("Down", Action::Down),
    ("k", Action::Up),
    ("Up", Action::Up),
    ("PageDown", Action::PageDown),
    ("PageUp", Action::PageUp),
    ("g", Action::First),
    ("Home", Action::First),
    ("G", Action::Last),
    ("End", Action::Last),
    ("Enter", Action::Open),
];

const DEFAULTS: &[(Scope, &str, Action)] = &[
    (Global, "?", Action::Help),
    (Global, "Ctrl-c", Action::Quit),
    (Global, "Ctrl-z", Action::Suspend),
    (Library, "q", Action::Quit),
    (Library, "Esc", Action::Back),
    (Library, "s", Action::ToggleSort),
    (Library, "f", Action::Filter),
    (Library, "m", Action::ToggleRead),
    (Library, "r", Action::Reload),
    (Library, "U", Action::UpdateFeeds),
    (Library, "S", Action::ShowSkipped),
    (Library, "/", Action::Search),
    (Library, "B", Action::Bookmarks),
    (Results, "q", Action::Back),
    (Results, "Esc", Action::Back),
    (Results, "/", Action::Search),
    (Results, "B", Action::Bookmarks),
    (Reader, "q", Action::Back),
    (Reader, "Esc", Action::Back),
    (Reader, "Space", Action::NextPage),
    (Reader, "PageDown", Action::NextPage),
    (Reader, "PageUp", Action::PrevPage),
    (Reader, "Backspace", Action::PrevPage),
    (Reader, "g", Action::First),
    (Reader, "Home", Action::First),
    (Reader, "G", Action::Last),
    (Reader, "End", Action::Last),
    (Reader, "j", Action::NextParagraph),
    (Reader, "Down", Action::NextParagraph),
    (Reader, "k", Action::PrevParagraph),
    (Reader, "Up", Action::PrevParagraph),
    (Reader, "Left", Action::PageLeft),
    (Reader, "Right", Action::PageRight),
    (Reader, "J", Action::NextArticle),
    (Reader, "K", Action::PrevArticle),
    (Reader, "u", Action::NextUnread),
    (Reader, "D", Action::CycleDirection),
    (Reader, "/", Action::Search),
    (Reader, "n", Action::NextMatch),
    (Reader, "N", Action::PrevMatch),
    (Reader, "b", Action::ToggleBookmark),
    (Reader, "m", Action::EditNote),
    (Reader, "B", Action::Bookmarks),
    (Reader, "y", Action::Copy),
    (Reader, "v", Action::Select),
    (Results, "y", Action::Copy),
    (Bookmarks, "y", Action::Copy),
    (Bookmarks, "q", Action::Back),
    (Bookmarks, "Esc", Action::Back),
    (Bookmarks, "d", Action::Delete),
    (Bookmarks, "u", Action::Undo),
    (Bookmarks, "/", Action::Search),
    // Issue 25: what less and newsboat users reach for.
    (Reader, "Ctrl-d", Action::HalfPageDown),
    (Reader, "Ctrl-u", Action::HalfPageUp),
    (Reader, "Ctrl-e", Action::ScrollDown),
    (Reader, "Ctrl-y", Action::ScrollUp),
    (Reader, "o", Action::OpenInBrowser),
    (Library, "Ctrl-d", Action::HalfPageDown),
    (Library, "Ctrl-u", Action::HalfPageUp),
    (Library, "o", Action::OpenInBrowser),
    (Library, "F", Action::Feeds),
    (Feeds, "q", Action::Back),
    (Feeds, "Esc", Action::Back),
    (Feeds, "U", Action::UpdateFeeds),
];

/// Which screens an action makes sense on, for bindings added by the config.
fn scopes_of(action: Action) -> &'static [Scope] {
    match action {
        Action::Help | Action::Quit | Action::Suspend => &[Global],
        Action::Copy => &[Results, Reader, Bookmarks],
        Action::Back | Action::Search => &Scope::SCREENS,
        Action::First | Action::Last => &[Library, Results, Reader, Bookmarks],
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Open => {
            &[Library, Results, Bookmarks, Feeds]
        }
        Action::NextPage
        | Action::PrevPage
        | Action::NextParagraph
        | Action::PrevParagraph
        | Action::NextMatch
        | Action::PrevMatch
        | Action::ToggleBookmark
        | Action::EditNote
        | Action::PageLeft
        | Action::PageRight
        | Action::NextArticle
        | Action::PrevArticle
        | Action::NextUnread
        | Action::CycleDirection
        | Action::Select
        | Action::ScrollDown
        | Action::ScrollUp => &[Reader],
        Action::Bookmarks => &[Library, Results, Reader],
        Action::Delete | Action::Undo => &[Bookmarks],
        Action::HalfPageDown | Action::HalfPageUp | Action::OpenInBrowser => &[Library, Reader],
        Action::Feeds => &[Library],
        Action::ToggleSort
        | Action::ShowSkipped
        | Action::Filter
        | Action::ToggleRead
        | Action::Reload
        | Action::UpdateFeeds => &[Library, Feeds],
    }
}

/// The key bindings in force.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let lists = [Library, Results, Bookmarks, Feeds]
            .into_iter()
            .flat_map(|scope| {
                LIST_KEYS
                    .iter()
                    .map(move |&(key, action)| (scope, key, action))
            });
        Keymap {
            bindings: lists
                .chain(DEFAULTS.iter().copied())
                .filter_map(|(scope, key, action)| {
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
        Self::with_config_in(keys, &crate::i18n::Messages::default())
    }

    /// [`Keymap::with_config`], its errors in the language of `msgs`.
    pub fn with_config_in(
        keys: &BTreeMap<String, Vec<String>>,
        msgs: &crate::i18n::Messages,
    ) -> Result<Self, String> {
        let mut added = Vec::new();
        for (name, list) in keys {
            let action = Action::from_name(name)
                .ok_or_else(|| crate::t!(msgs, "keys-unknown-action", name = name))?;
            for k in list {
                let key = Key::parse(k)
                    .ok_or_else(|| crate::t!(msgs, "keys-unknown-key", name = name, key = k))?;
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

    /// The first key that does `action` on `scope`, as the help writes it: what hints name.
    pub fn key_for(&self, action: Action, scope: Scope) -> Option<String> {
        self.bindings
            .iter()
            .filter(|b| b.action == action && (b.scope == scope || b.scope == Scope::Global))
            .filter(|b| self.resolve(b.key, scope) == Some(action))
            // The screen's own key before a global one (`q` quits the library, not `Ctrl-c`).
            .min_by_key(|b| b.scope != scope)
            .map(|b| b.key.label())
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
    fn alt_is_kept_and_an_unbound_alt_chord_does_nothing() {
        use ratatui::crossterm::event::KeyEvent;
        let m = Keymap::default();
        let alt = |c| Key::from_event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
        assert_eq!(alt('q'), key("Alt-q"));
        assert_ne!(alt('q'), key("q"));
        assert_eq!(m.resolve(alt('q'), Scope::Library), None);
        assert_eq!(m.resolve(alt('d'), Scope::Bookmarks), None);
        assert_eq!(m.resolve(alt('j'), Scope::Reader), None);
        assert_eq!(m.resolve(key("q"), Scope::Library), Some(Action::Quit));
        // The config can bind one, in either order with Ctrl.
        let keys = [("quit".to_owned(), vec!["M-x".to_owned()])].into();
        let m = Keymap::with_config(&keys).unwrap();
        assert_eq!(m.resolve(alt('x'), Scope::Reader), Some(Action::Quit));
        assert_eq!(key("Alt-Ctrl-x"), key("Ctrl-Alt-x"));
        assert_eq!(key("Ctrl-Alt-x").label(), "Ctrl-Alt-x");
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
