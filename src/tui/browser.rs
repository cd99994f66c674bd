//! Opening an article's web page in the browser (`o`, as in newsboat): through `$BROWSER` (its
//! first command; `%s` in it stands for the URL), else `xdg-open`. The URL comes from the
//! article, so it is not trusted: it must be an http(s) URL, and it is passed as one argument
//! to the program, never through a shell.

use std::process::{Command, Stdio};

use crate::i18n::Messages;
use crate::t;

/// The program and its arguments that open `url`, with `browser` the value of `$BROWSER`; or
/// why not: the message id and the text it names.
pub fn command_for(
    url: &str,
    browser: Option<&str>,
) -> Result<(String, Vec<String>), (&'static str, String)> {
    let parsed = url::Url::parse(url.trim()).map_err(|_| ("browser-bad-url", url.to_owned()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(("browser-bad-url", url.to_owned()));
    }
    let url = parsed.as_str();
    let first = browser
        .and_then(|b| b.split(':').map(str::trim).find(|c| !c.is_empty()))
        .unwrap_or("xdg-open");
    let mut words = first.split_whitespace().map(str::to_owned);
    let program = words.next().unwrap_or_else(|| "xdg-open".to_owned());
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        for a in &mut args {
            *a = a.replace("%s", url);
        }
    } else {
        args.push(url.to_owned());
    }
    Ok((program, args))
}

/// Opens `url` (the article's, if it has one) in the browser; what to say about it.
pub fn open_article(url: Option<&str>, msgs: &Messages) -> String {
    let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
        return t!(msgs, "browser-no-url");
    };
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = match command_for(url, browser.as_deref()) {
        Ok(c) => c,
        Err((id, text)) => return msgs.get(id, &[("url", text.into())]),
    };
    let spawned = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            // Reaped when it ends, so that no zombie stays behind.
            std::thread::spawn(move || child.wait());
            t!(msgs, "browser-opened", url = url.trim())
        }
        Err(e) => t!(
            msgs,
            "browser-failed",
            program = program,
            error = e.to_string()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_is_one_argument_and_must_be_http() {
        let (p, a) = command_for("https://example.com/a b?x=1;rm -rf", None).unwrap();
        assert_eq!(p, "xdg-open");
        assert_eq!(a, ["https://example.com/a%20b?x=1;rm%20-rf"]);
        let (p, a) = command_for("http://x.org/", Some("firefox --new-tab:lynx")).unwrap();
        assert_eq!(
            (p.as_str(), a),
            (
                "firefox",
                vec!["--new-tab".to_owned(), "http://x.org/".to_owned()]
            )
        );
        let (_, a) = command_for("http://x.org/", Some("w3m -o %s")).unwrap();
        assert_eq!(a, ["-o", "http://x.org/"]);
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "-x",
            "example.com",
        ] {
            assert_eq!(
                command_for(bad, None).unwrap_err().0,
                "browser-bad-url",
                "{bad}"
            );
        }
    }
}
