# qari's interface in English: the strings it has always shown, byte for byte.
#
# Every message here is also in ar.ftl, with the same variables (a test checks both).
# Conventions:
# - A message holds no padding: the spaces around a status bar's parts stay in the code.
# - $key, $down, $up: a key's name as the key table writes it (`?`, `Enter`, `Ctrl-c`), so that
#   a key rebound in the config is named in the hints too.
# - $hints: hint-* messages joined with " · ".
# - Numbers ($count, $page...) are passed as numbers: they choose the plural form and are written
#   in the interface's digits. Values that the user types (a width, a bookmark id) are passed
#   as text, so that they stay as typed.
# - Plural forms are chosen with PLURAL($n), qari's own CLDR rule (src/i18n/plural.rs), not by
#   selecting on $n directly: intl_pluralrules 7.0.2, which Fluent uses, gets Arabic wrong
#   from 103 on (it reads `n % 100 = 3..10` as `n = 3..10`).

## Hints in status bars: a key and what it does.

hint-help = { $key } help
hint-opens = { $key } opens
hint-deletes = { $key } deletes
hint-undoes = { $key } undoes
hint-filters = { $key } filters
hint-back = { $key } back
hint-searches-again = { $key } searches again
hint-searches = { $key } search
hint-updates-feeds = { $key } update feeds
hint-quits = { $key } quit
hint-next-page = { $key } next page
hint-bookmarks-paragraph = { $key } bookmark
hint-next-article = { $key } next article

## Loading the collection (the middle of the screen).

loading-looking = Looking for articles…
loading-reading = Reading articles… { $done } / { $total }

## The library.

# $sort: date, file-time (sorted by date, but no article has one) or title.
# $skipped: how many files were skipped.
library-status =
    { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } · sorted by { $sort ->
        [date] date
        [file-time] file time (no article has a date)
       *[title] title
    } · { $skipped } skipped · { $hints }
# The library's status bar when the one above does not fit: the count and the keys.
library-status-short =
    { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } · { $hints }
# Shown when the collection is loaded with skipped files; $key lists them.
skipped-files =
    { PLURAL($count) ->
        [one] { $count } file skipped: { $key } lists it
       *[other] { $count } files skipped: { $key } lists them
    }
# The first file skipped named, with its reason ($reason), when the collection is loaded.
skipped-files-first =
    { PLURAL($count) ->
        [one] { $path } skipped: { $reason } ({ $key } lists it)
       *[other] { $count } files skipped, { $path } first: { $reason } ({ $key } lists them)
    }
marked-read = marked read
marked-unread = marked unread
# $error: why the state database did not take it.
not-saved = not saved: { $error }
position-not-saved = reading position not saved: { $error }
no-collection = no collection
no-such-article = no such article
not-builtin = { $path }: no such article in the built-in collection
# A file that cannot be opened, or any error about a file: $path, then $error.
path-error = { $path }: { $error }
last-article = this is the last article of the library
first-article = this is the first article of the library
all-opened = every article has been opened
library-not-ready = the library of this folder is still being read: try again in a moment

## Reading the collection again.

not-reloaded = not reloaded: { $error }
builtin-unchanging = the built-in collection does not change
reloaded-unchanged = reloaded: nothing changed on disk
# How many articles are new, changed and gone.
reloaded = reloaded from disk: { $added } new, { $changed } changed, { $gone } gone

## Feeds (U in the library).

feeds-none = no feeds to update: add one with qari feeds add URL
feeds-updating = Updating the feeds… { $done } / { $total }
feeds-updated =
    { PLURAL($count) ->
        [one] { $count } new article from the feeds
       *[other] { $count } new articles from the feeds
    }
# $names: the feeds that failed, by name.
feeds-failed =
    { PLURAL($count) ->
        [one] { $count } feed failed: { $names }
       *[other] { $count } feeds failed: { $names }
    }
feeds-not-updated = feeds not updated: { $error }

## Searching.

search-cancelled = search cancelled
# $query: what was searched for, as typed.
not-found = not found: { $query }
search-failed = search failed: { $error }
nothing-to-search = nothing to search for: the search ignores harakat, tatweel and spaces
# The status bar while the collection is searched; $key cancels.
searching = Searching… { $done } / { $total }  ({ $key } cancels)
# Before the count is known (the folder being looked at).
searching-start = Searching…  ({ $key } cancels)
# The results screen's status bar: $count articles matched $query.
results-status =
    { PLURAL($count) ->
        [one] { $count } article matches
       *[other] { $count } articles match
    } { $query }  ·  { $hints }

## The reader.

# The right of the status bar: the paragraph under the cursor and the page, from 1.
reader-position = ¶ { $paragraph }/{ $paragraphs }  page { $page }/{ $pages }
# Before reader-position while a search is on: the current match, from 1.
reader-match = match { $current }/{ $total }
reader-no-match = no match
# $direction: majority, auto, rtl or ltr.
direction-set =
    paragraph direction in this article: { $direction ->
        [majority] automatic (most letters decide)
        [auto] automatic (the first letter decides)
        [rtl] right to left
       *[ltr] left to right
    }
no-paragraph-for-note = this article has no paragraph for a note
no-paragraph-for-bookmark = this article has no paragraph for a bookmark
no-state-database = no state database: bookmarks are not available
# $error: the state database, and why its bookmarks cannot be read.
bookmarks-unavailable = bookmarks cannot be shown: { $error }
bookmark-removed = bookmark removed
# $key adds a note.
bookmark-added = paragraph { $paragraph } bookmarked ({ $key } adds a note)
note-saved = note saved on paragraph { $paragraph }
bookmark-not-saved = bookmark not saved: { $error }
note-not-saved = note not saved: { $error }
no-paragraph-to-copy = this article has no paragraph to copy
# How many characters went to the clipboard.
copied =
    copied { $count } { PLURAL($count) ->
        [one] character
       *[other] characters
    } in reading order

## The bookmarks screen.

bookmarks-status =
    { PLURAL($count) ->
        [one] { $count } bookmark
       *[other] { $count } bookmarks
    } · { $hints }
bookmarks-status-filtered =
    { PLURAL($count) ->
        [one] { $count } bookmark
       *[other] { $count } bookmarks
    } · filter: { $filter } · { $hints }
# $key bookmarks a paragraph in the reader.
bookmarks-empty = No bookmark yet. In an article, { $key } bookmarks the paragraph under the cursor.
bookmarks-no-match = Nothing matches the filter “{ $filter }”.
# The margin of a bookmark's row: its paragraph; orphaned, when the paragraph is gone.
bookmark-label = ¶{ $paragraph }
bookmark-label-orphaned = ¶{ $paragraph }?
# The line under a bookmark's excerpt: $when it was made (a date), its $note.
bookmark-when-note = { $when } · { $note }
bookmark-when-orphaned = { $when } · orphaned: the paragraph is gone from the article
bookmark-when-orphaned-note = { $when } · orphaned · { $note }
# $key undoes.
bookmark-deleted = bookmark deleted ({ $key } undoes)
not-deleted = not deleted: { $error }
bookmark-restored = bookmark restored
not-restored = not restored: { $error }
article-unreadable = { $path }: cannot read the article

## Prompts in the status bar.

prompt-search = search:
prompt-note = note:
prompt-filter = filter:
prompt-titles = titles:

## The help screen: its title, and one line per action (the key table writes the keys).

help-title = Keys ({ $key } closes)
# When the help is longer than the screen: $down and $up scroll it.
help-title-scroll = Keys ({ $key } closes, { $down }/{ $up } scroll)
help-mouse-wheel = mouse wheel
help-wheel-reader = Move the paragraph cursor.
help-wheel-list = Move the selection.
action-quit = Quit qari.
action-back = Go back to the previous screen.
action-help = Show or hide this help.
action-up = Move up one row.
action-down = Move down one row.
action-page-up = Move up one screen of rows.
action-page-down = Move down one screen of rows.
action-first = Go to the first article, or the first page.
action-last = Go to the last article, or the last page.
action-open = Open the selected item.
action-toggle-sort = Sort the library by date, then by title.
action-filter = Filter the titles as you type (Esc clears).
action-toggle-read = Mark the selected article read, or unread again.
action-reload = Read the collection again from disk.
action-update-feeds = Fetch the feeds and save their new articles into the collection.
action-show-skipped = List the files that were skipped, and why.
action-next-page = Next page.
action-prev-page = Previous page.
action-page-left = Page left: the next page of right-to-left text.
action-page-right = Page right: the next page of left-to-right text.
action-next-article = The next article of the library.
action-prev-article = The previous article of the library.
action-next-unread = The next unread article of the library.
action-cycle-direction = Paragraph direction here: auto, right to left, left to right.
action-next-paragraph = Move the cursor to the next paragraph.
action-prev-paragraph = Move the cursor to the previous paragraph.
action-search = Search (prompt: ←/→ Home End Ctrl-U Ctrl-W, ↑/↓ history).
action-next-match = Go to the next match (Esc clears the search).
action-prev-match = Go to the previous match.
action-toggle-bookmark = Bookmark the cursor's paragraph (again: remove it).
action-edit-note = Add or edit the note of the paragraph's bookmark.
action-bookmarks = Show every bookmark.
action-delete = Delete the selected bookmark.
action-undo = Undo the last deletion.
action-copy = Copy the paragraph (or the selection) in reading order.
action-select = Select paragraphs: the paragraph keys extend, copy copies, Esc cancels.
action-suspend = Suspend qari (fg brings it back).
action-half-page-down = Scroll down half a page (the selection in a list).
action-half-page-up = Scroll up half a page (the selection in a list).
action-scroll-down = Scroll the text down one line.
action-scroll-up = Scroll the text up one line.
action-open-in-browser = Open the article's web page (its `url`) in the browser ($BROWSER, else xdg-open).
action-feeds = The feeds, with their unread articles (Enter: the library of one feed).

## Skipped files: the list ($key closes it) and why each was skipped.

skipped-title = Skipped files ({ $key } closes)
skipped-line = { $path }: { $reason }
skipped-none = No file was skipped.
skip-empty = empty file
skip-binary = binary file (NUL bytes), not text
# $encoding: UTF-8, UTF-16LE...; how many sequences were invalid, how many characters intact.
skip-damaged = damaged { $encoding } text (invalid sequences: { $invalid }, intact characters: { $intact })
# $guess: the likeliest legacy encoding (windows-1252, GBK...).
skip-undecodable = neither UTF-8 (invalid sequences: { $invalid }) nor { $guess }, the likeliest legacy encoding; convert the file to UTF-8
skip-no-text = no text in the file
skip-no-article = a web page with no article text found in it
skip-link-loop = symbolic link loop (folder already visited)
skip-not-regular = not a regular file
# $error: the system's message.
skip-cannot-list = cannot list the folder: { $error }
skip-not-found = { $error }
skip-permission-denied = { $error }
skip-io = { $error }

## qari doctor: what it finds out about the terminal. The labels of the first column are padded
## in the code; $state, $choice and $colours select the line.

doctor-not-set = (not set)
doctor-label-terminal = terminal
doctor-label-colours = colours
doctor-label-copying = copying
doctor-not-a-terminal = standard output is not a terminal: nothing asked
doctor-bdsm =
    { $state ->
        [set] known, implicit (the terminal reorders until told not to)
        [reset] known, explicit (the terminal shows cells as given)
        [permanently-set] known, permanently implicit
        [permanently-reset] known, permanently explicit
        [not-recognised] not recognised
       *[no-answer] no answer
    }
doctor-auto =
    { $choice ->
        [app-explicit] qari lays text out; the terminal is told not to reorder (BDSM explicit)
        [app] qari lays text out (the terminal is not known to reorder)
        [app-mlterm] qari lays text out, mlterm's own bidi switched off (OSC 5379 use_ctl=false)
        [app-konsole] qari lays text out, Konsole's own bidi switched off (OSC 50 BidiRenderingEnabled=false)
        [app-kitty] qari lays text out, each right-to-left run handed to kitty reversed (kitty draws such runs right to left)
       *[terminal] the terminal does bidi: qari hands it logical text
    }
doctor-colours =
    { $colours ->
        [truecolor] 24-bit (COLORTERM)
        [256] 256 (TERM)
       *[basic] 8 or 16
    }
doctor-tmux-on = inside tmux with set-clipboard on: copying works
doctor-tmux-external = inside tmux with set-clipboard external: copies reach the outer terminal, not tmux's buffers
# $setting: tmux's value, quoted.
doctor-tmux-other = inside tmux with set-clipboard { $setting }: add `set -g set-clipboard on` to ~/.tmux.conf
doctor-screen = inside GNU screen: it does not pass OSC 52 on; copying will not reach the clipboard
doctor-osc52 = OSC 52 straight to the terminal: works in most (xterm needs allowWindowOps or disallowedWindowOps without SetSelection)
# After the sample where only qari's layout can be shown (mlterm, Konsole, kitty); $choice
# selects the line.
doctor-app-only = How the reader draws Arabic here (with --bidi auto or app):
doctor-terminal-verdict =
    { $choice ->
        [mlterm] Both modes read right in mlterm: auto takes app (qari's own layout); --bidi terminal hands mlterm logical text, which it lays out itself (its own layout of the status bar). mlterm's own bidi is one switch for the whole window, so the logical line is not shown here; it stays off until qari's reader next quits.
        [konsole] --bidi terminal does not read right in Konsole (it reverses each word instead of each line): use auto or app. Konsole's own bidi stays off until qari's reader next quits.
       *[kitty] --bidi terminal does not read right in kitty (it has no bidi: the words come in the wrong order): use auto or app.
    }
doctor-which =
    Which line reads right (right to left, letters joined, brackets facing
    the text)? That one is the mode for this terminal:

## Key bindings from the config ([keys]).

keys-unknown-action = [keys]: unknown action `{ $name }`
keys-unknown-key = [keys] { $name }: unknown key `{ $key }`

## The command line: errors (after "qari: ") and notices on stderr.

cli-no-home = no home folder: cannot find where state lives
cli-cannot-read-article = { $path }: cannot read this article
# The article at $path has $count paragraphs, and no paragraph $paragraph (as typed).
cli-no-paragraph = { $path }: no paragraph { $paragraph } (the article has { $count })
# $id as typed.
cli-no-bookmark = no bookmark { $id }
# After a bookmark's paragraph in `qari bookmarks list`.
cli-orphaned = (orphaned)
# --text-width: $value as typed; $n and $min as typed too.
cli-not-a-number = `{ $value }` is not a number of cells
cli-too-narrow = { $n } cells is too narrow to read: use { $min } or more, or 0 for the terminal's width
cli-no-such-path = { $path }: no such file or folder
# On stderr while loading, for each skipped file.
cli-skipped = skipped { $path }: { $reason }
# $count: how many files were skipped, each listed on an earlier run.
cli-skipped-again =
    { PLURAL($count) ->
        [one] { $count } file skipped, as before (--verbose lists it)
       *[other] { $count } files skipped, as before (--verbose lists them)
    }
cli-needs-terminal = the reader needs a terminal, and standard output is not one (in scripts: qari list, qari search, qari render)
cli-no-term = the query has no term to search for
# $error: why the index was damaged.
cli-index-rebuilt = { $error }; the index was rebuilt
# The name of standard input in `qari render`'s errors.
cli-stdin = <stdin>
# $value: what QARI_NOW holds.
cli-bad-clock = QARI_NOW={ $value } is not a time: write it as 2026-03-01T12:00:00+03:00 (RFC 3339) or @SECONDS
cli-invalid-utf8 = line { $line }: invalid UTF-8 at byte { $column }
# config.toml ($min and $value as typed).
config-text-width = text_width must be at least { $min }, or 0 for the terminal's width
config-not-a-colour = [theme] { $name } = "{ $value }" is not a colour (a name such as "red" or "lightblue", #rrggbb, or 0-255)

## The command line's --help (clap writes the English by itself; these are for the other
## languages, and say the same).

cli-about = A terminal reader for Arabic news
cli-arg-path = A folder of articles (searched recursively) or one article; default: the config's `collection`, else the sample collection built into qari
cli-arg-bidi = Who does bidi: `auto` asks the terminal (default), `app` is qari (for terminals without bidi, or told not to reorder), `terminal` hands it logical text
cli-arg-shape = Arabic shaping: `auto` shapes in app mode only
cli-arg-text-width = Width of the reading column, in cells: 20 or more, or 0 for the terminal's whole width (default: the config's `text_width`, else 80)
cli-arg-lang = Language of the interface: ar (Arabic) or en (default: the config's `lang`, else the locale)
cli-render = Lay out text for a terminal, like `fribidi`: one input line is one paragraph
cli-render-file = The file to read, or - for standard input
cli-render-width = Wrap to this many cells (0: do not wrap)
cli-render-dir = Paragraph direction: `auto` is Unicode's rule (the first strong letter decides, as in FriBidi); `majority` is the reader's (the direction of most strong letters)
cli-render-no-shape = Do not use Arabic presentation forms (for terminals that shape by themselves)
cli-render-order = Print lines reordered for display (visual) or as logical pieces of the input
cli-render-align = Right-align the lines of right-to-left paragraphs to --width cells
cli-search = Search the collection (Arabic-aware): one line per matching paragraph, `path<TAB>paragraph<TAB>text` (paragraph 0 is the title). Exit 0 on a match, 1 on none
cli-search-query = Terms separated by spaces; a "quoted phrase" is one term. All must occur
cli-search-path = A folder or file (default: as for the reader)
cli-search-files-with-matches = Print only the paths of matching articles
cli-search-count = Print `path<TAB>matches` per matching article
cli-search-json = One JSON object per match, with the original byte range
cli-bookmarks = Paragraph bookmarks: list, add, remove, export
cli-bookmarks-list = Every bookmark, re-attached to its paragraph: `id<TAB>path<TAB>paragraph<TAB>excerpt`
cli-bookmarks-list-json = One JSON object per bookmark
cli-bookmarks-add = Bookmark paragraph N (from 1) of FILE
cli-bookmarks-remove = Remove bookmark ID
cli-bookmarks-export = Every bookmark as Markdown (titles as headings, paragraphs quoted, notes under them) or as JSON
cli-doctor = What qari finds out about this terminal (bidi, colours, copying), and a line of Arabic drawn both ways to see which reads right
cli-list = List the collection: `path<TAB>title` per article, or JSON lines
cli-list-path = A folder or file (default: as for the reader)
cli-list-json = One JSON object per article
cli-arg-verbose = List every skipped file, every time (without it, a list already shown is one line)
cli-man = Print qari's manual page (roff): qari man > ~/.local/share/man/man1/qari.1
cli-completions = Print the completions of SHELL (bash, zsh, fish, elvish, powershell), to be installed where the shell looks for them (see the README)
cli-completions-shell = The shell
# clap's own words, for a help template in another language.
cli-help-usage = Usage:
cli-help-commands = Commands:
cli-help-arguments = Arguments:
cli-help-options = Options:
cli-help-help = Print help
cli-help-version = Print version
cli-help-subcommand = Print this message or the help of the given subcommand(s)
cli-help-default = [default: { $value }]
cli-help-possible = [possible values: { $values }]
# clap's errors, by kind ($arg as clap names it: '--bidi <BIDI>').
cli-error = error:
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-missing = the following required arguments were not provided:
cli-error-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-error-more = For more information, try '{ $help }'.

## Feeds on the command line (qari feeds, update, save, import).

cli-feeds = Feeds subscribed to (kept in config.toml): add, list, remove, import, export
cli-feeds-add = Subscribe to the feed at URL (RSS, Atom or JSON Feed), or to the one a page links
cli-feeds-add-name = Its name (default: the feed's own title, else its host)
cli-feeds-add-folder = The folder of the collection its articles go to (default: a slug of the name)
cli-feeds-list = The feeds: `name<TAB>url<TAB>folder`
cli-feeds-remove = Unsubscribe from the feed named NAME (its saved articles stay)
cli-feeds-add-no-check = Add it without fetching it first (a feed that is down now). Otherwise URL must be a feed, or a web page that links one (`<link rel="alternate">`): that feed is added.
cli-feeds-import = Subscribe to every feed of an OPML file (another reader's export); those subscribed already are left as they are.
cli-feeds-import-file = An OPML file
cli-feeds-export = Every feed as OPML, on standard output (for another reader's import).
cli-update = Fetch every feed and save its new items into the collection, one folder per feed
cli-save = Fetch a web page, extract its article and save it into the collection (folder `saved`)
cli-save-url = The page's http:// or https:// URL
cli-import = Extract the article of a saved web page and save it into the collection (folder `saved`)
cli-import-file = An .html file
feeds-cli-no-collection = no collection to save articles into: set `collection = "/path/to/news"` in { $file }
feeds-cli-named-for-now = warning: { $url }: { $why }; named "{ $name }" for now
feeds-cli-name-empty = the name is empty: give one with --name
feeds-cli-added = added "{ $name }" ({ $url }), saved into { $folder }
feeds-cli-opml-none = { $path }: no feed in it (an OPML file has <outline xmlUrl="..."> for each)
feeds-cli-opml-imported =
    { PLURAL($added) ->
        [one] { $added } feed added
       *[other] { $added } feeds added
    }, { $known } subscribed already
feeds-cli-already = { $url } is already subscribed as "{ $name }": nothing added
feeds-cli-feed-found = { $url } is a web page; it links the feed { $feed }, which is added
feeds-cli-not-a-feed = { $url } is not a feed ({ $why }) and links none: `qari save { $url }` saves a page's article; --no-check adds it anyway
feeds-cli-unreachable = { $url } could not be read ({ $why }): nothing added; --no-check adds it anyway
feeds-cli-name-taken = a feed named "{ $name }" exists already: choose another name with --name
feeds-cli-no-such-feed = no feed is named "{ $name }" (`qari feeds list` shows them)
feeds-cli-bad-url = { $url } is not an http:// or https:// URL
feeds-cli-removed = removed "{ $name }" ({ $url }); its saved articles stay
feeds-cli-progress = { $done }/{ $total } feeds
feeds-cli-failed-one = { $name }: failed: { $error }
feeds-cli-not-modified = { $name }: not modified
feeds-cli-new = { $name }: { $count } new
feeds-cli-warning = { $name }: warning: { $warning }
feeds-cli-new-in = { $count } new articles in { $folder }
feeds-cli-some-failed = { $failed } of { $total } feeds failed: { $names }

## The state database as it opens (warnings in the status bar and on stderr).

store-cannot-create = cannot create { $dir }: { $error }; bookmarks and reading positions will not be saved in this session
store-read-only = { $path } cannot be written: this session is read-only, nothing will be saved
store-moved-aside = { $path }: { $error }; it was moved to { $aside } and a new state database started
store-cannot-move-aside = { $path }: { $error }; it could not be moved aside ({ $io }), so it was left alone and nothing will be saved
store-not-saved = { $error }; nothing will be saved in this session

## Opening an article's web page (o).

browser-no-url = this article has no URL to open
browser-bad-url = not an http:// or https:// URL, not opened: { $url }
browser-opened = opening { $url } in the browser
browser-failed = the browser could not be started ({ $program }): { $error }

## The feeds screen (F in the library).

feeds-screen-empty = no feeds: `qari feeds add URL` subscribes to one
feeds-screen-counts = { $unread } unread / { $total }
feeds-screen-status =
    { PLURAL($count) ->
        [one] { $count } feed
       *[other] { $count } feeds
    } · { $hints }
# The library shows one feed's articles: $name, how many ($count), $key shows all again.
feeds-showing =
    feed { $name }: { PLURAL($count) ->
        [one] { $count } article
       *[other] { $count } articles
    } ({ $key } shows all)
