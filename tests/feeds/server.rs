//! The test's HTTP server: a thread on 127.0.0.1 answering each path with a [`Reply`] (200
//! with an ETag or gzip and Last-Modified, a status, a redirect, a slow or a huge answer), and
//! logging every request.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers for a path.
#[derive(Clone)]
pub enum Reply {
    /// 200 with this content type and body, an ETag, and 304 when the client sends it back.
    Ok {
        content_type: &'static str,
        body: Vec<u8>,
        etag: Option<&'static str>,
    },
    /// 200 with a gzip-compressed body and a Last-Modified date; 304 when the client sends
    /// the date back.
    Gzip {
        content_type: &'static str,
        body: Vec<u8>,
        last_modified: &'static str,
    },
    Status(u16),
    Redirect(&'static str),
    /// Waits this long before answering 200.
    Slow(Duration),
    /// 200 with a body of this many bytes, sent in pieces until the client hangs up.
    Huge(usize),
}

type Routes = Arc<Mutex<HashMap<String, Reply>>>;

/// A server on 127.0.0.1:0; every request is logged as `path status`.
pub struct Server {
    pub port: u16,
    routes: Routes,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Routes = Arc::default();
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let (r, l) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || serve(stream, &r, &l));
            }
        });
        Server { port, routes, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.to_owned(), reply);
    }

    pub fn xml(&self, path: &str, body: &str, etag: Option<&'static str>) {
        self.route(
            path,
            Reply::Ok {
                content_type: "application/rss+xml; charset=utf-8",
                body: body.as_bytes().to_vec(),
                etag,
            },
        );
    }

    pub fn requests(&self, path: &str) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with(&format!("{path} ")))
            .cloned()
            .collect()
    }
}

fn serve(stream: TcpStream, routes: &Routes, log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut if_none_match = None;
    let mut if_modified_since = None;
    let mut gzip_accepted = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(v.trim().to_owned());
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("if-modified-since") {
                if_modified_since = Some(v.trim().to_owned());
            }
            if k.eq_ignore_ascii_case("accept-encoding") && v.contains("gzip") {
                gzip_accepted = true;
            }
        }
    }
    let reply = routes.lock().unwrap().get(&path).cloned();
    let mut out = stream;
    let head = |status: u16, extra: &str, len: usize| {
        format!("HTTP/1.1 {status} X\r\nContent-Length: {len}\r\nConnection: close\r\n{extra}\r\n")
    };
    let (status, bytes) = match reply {
        None => (404, head(404, "", 0).into_bytes()),
        Some(Reply::Status(s)) => (s, head(s, "", 0).into_bytes()),
        Some(Reply::Redirect(to)) => (
            302,
            head(302, &format!("Location: {to}\r\n"), 0).into_bytes(),
        ),
        Some(Reply::Ok {
            content_type,
            body,
            etag,
        }) => {
            if etag.is_some() && if_none_match.as_deref() == etag {
                (304, head(304, "", 0).into_bytes())
            } else {
                let extra = format!(
                    "Content-Type: {content_type}\r\n{}",
                    etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default()
                );
                (
                    200,
                    [head(200, &extra, body.len()).into_bytes(), body].concat(),
                )
            }
        }
        Some(Reply::Gzip {
            content_type,
            body,
            last_modified,
        }) => {
            if if_modified_since.as_deref() == Some(last_modified) {
                (304, head(304, "", 0).into_bytes())
            } else if !gzip_accepted {
                (406, head(406, "", 0).into_bytes())
            } else {
                let extra = format!(
                    "Content-Type: {content_type}\r\nContent-Encoding: gzip\r\nLast-Modified: {last_modified}\r\n"
                );
                (
                    200,
                    [head(200, &extra, body.len()).into_bytes(), body].concat(),
                )
            }
        }
        Some(Reply::Slow(wait)) => {
            std::thread::sleep(wait);
            (200, head(200, "", 0).into_bytes())
        }
        Some(Reply::Huge(n)) => {
            log.lock().unwrap().push(format!("{path} 200"));
            let _ = out.write_all(head(200, "Content-Type: application/rss+xml\r\n", n).as_bytes());
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < n && out.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
            return;
        }
    };
    log.lock().unwrap().push(format!("{path} {status}"));
    let _ = out.write_all(&bytes);
}
