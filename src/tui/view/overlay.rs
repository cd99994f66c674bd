//! What sits over the screen: the keys of the screen (scrolled when longer than it) and the
//! files the library skipped, each a popup of lines laid out by the engine.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear};

use crate::i18n::action_id;
use crate::t;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::widgets::draw::{self, Ctx};

/// A popup's border: box drawing when qari lays rows out; in terminal mode plain ASCII, as
/// mlterm lays a row that holds box drawing out left to right whatever its text.
fn block(ctx: &Ctx<'_>) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL);
    if ctx.visual {
        return block;
    }
    block.border_set(ratatui::symbols::border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    })
}

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A popup titled `title` with `lines`, each laid out by the engine.
fn list(ctx: &Ctx<'_>, frame: &mut Frame<'_>, rect: Rect, title: &str, lines: &[String]) {
    frame.render_widget(Clear, rect);
    if ctx.rtl() {
        // The title through the engine too, at the right of the top border.
        frame.render_widget(block(ctx), rect);
        let width = rect.width.saturating_sub(4);
        let (l, rtl) = draw::one_line(title.trim(), usize::from(width), ctx.chrome(), ctx.visual);
        let w = l.width as u16;
        let x = if rtl {
            rect.x + 2 + width - w
        } else {
            rect.x + 2
        };
        let buf = frame.buffer_mut();
        buf.set_string(x - 1, rect.y, " ", Style::new());
        buf.set_string(x + w, rect.y, " ", Style::new());
        draw::line(
            buf,
            Rect::new(x, rect.y, w, 1),
            rect.y,
            &l,
            rtl,
            Style::new(),
        );
        draw::chrome_mark(buf, rect.x, rect.y, ctx);
    } else {
        frame.render_widget(block(ctx).title(title), rect);
    }
    let inner = Rect::new(
        rect.x + 1,
        rect.y + 1,
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    );
    let buf = frame.buffer_mut();
    for (i, text) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let y = inner.y + i as u16;
        let (l, rtl) = draw::one_line(text, usize::from(inner.width), ctx.chrome(), ctx.visual);
        draw::line(
            buf,
            Rect::new(inner.x, y, inner.width, 1),
            y,
            &l,
            rtl && ctx.rtl(),
            Style::new(),
        );
        if ctx.rtl() {
            draw::chrome_mark(buf, inner.x, y, ctx);
        }
    }
}

pub(super) fn help(app: &App, ctx: &Ctx<'_>, frame: &mut Frame<'_>, area: Rect, scroll: usize) {
    let scope = app.screen().scope();
    let msgs = &app.session.settings.msgs;
    let rtl = ctx.rtl();
    // The keys' column, then the action's line: in Arabic the keys (isolated, as they read
    // left to right) at the right, padded on their right (the line's start).
    let row = |keys: &str, what: String| {
        if rtl {
            let pad = 18usize.saturating_sub(keys.chars().count());
            format!("{:pad$}\u{2066}{keys}\u{2069}  {what}", "")
        } else {
            format!("{keys:>18}  {what}")
        }
    };
    let mut lines: Vec<String> = app
        .session
        .settings
        .keymap
        .help(scope)
        .into_iter()
        .map(|(action, keys)| {
            let keys = keys
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(", ");
            row(&keys, msgs.get(&action_id(action.name()), &[]))
        })
        .collect();
    let wheel = if scope == Scope::Reader {
        t!(msgs, "help-wheel-reader")
    } else {
        t!(msgs, "help-wheel-list")
    };
    lines.push(row(&t!(msgs, "help-mouse-wheel"), wheel));
    let rect = popup(area, 84, lines.len() as u16 + 2);
    let shown = usize::from(rect.height.saturating_sub(2)).max(1);
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let key = app.session.key(Action::Help, scope);
    let title = if lines.len() > shown {
        t!(
            msgs,
            "help-title-scroll",
            key = key,
            down = app.session.key(Action::Down, Scope::Library),
            up = app.session.key(Action::Up, Scope::Library)
        )
    } else {
        t!(msgs, "help-title", key = key)
    };
    let title = format!(" {title} ");
    list(ctx, frame, rect, &title, &lines[scroll..]);
}

pub(super) fn skipped(app: &App, ctx: &Ctx<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(c) = &app.session.collection else {
        return;
    };
    let msgs = &app.session.settings.msgs;
    let mut lines: Vec<String> = c
        .skipped
        .iter()
        .map(|s| {
            t!(
                msgs,
                "skipped-line",
                path = s.path.display().to_string(),
                reason = msgs.skip_reason(&s.cause)
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(t!(msgs, "skipped-none"));
    }
    let rect = popup(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let title = format!(
        " {} ",
        t!(
            msgs,
            "skipped-title",
            key = app.session.key(Action::Back, Scope::Library)
        )
    );
    list(ctx, frame, rect, &title, &lines);
}
