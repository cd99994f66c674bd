//! Fetching over HTTP: one agent (rustls, gzip, redirects followed up to a limit, one timeout
//! for the whole exchange, a User-Agent naming qari), conditional GET with the validators a
//! feed answered with last time, and a cap on the size of what is read, so that a huge or
//! endless response is an error rather than memory filled.

use std::time::Duration;

use ureq::ResponseExt;

use crate::store::Validators;

/// How fetching behaves. The defaults suit real feeds; tests shorten the timeout.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// The longest one request may take, connection, redirects and body included.
    pub timeout: Duration,
    /// The most bytes read from one response (after decompression).
    pub max_bytes: u64,
    /// How many redirects are followed before giving up (a loop ends here).
    pub max_redirects: u32,
    /// How many feeds are fetched at once.
    pub concurrency: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 10,
            concurrency: 4,
        }
    }
}

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "qari/",
    env!("CARGO_PKG_VERSION"),
    " (terminal reader for Arabic news)"
);

/// Why a fetch failed, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("HTTP {0}")]
    Status(u16),
    #[error("the response is larger than {0} bytes")]
    TooLarge(u64),
    #[error("too many redirects (a redirect loop?)")]
    Redirects,
    #[error("no answer within {0} seconds")]
    Timeout(u64),
    #[error("host not found")]
    HostNotFound,
    #[error("{0}")]
    Other(String),
}

/// What a server answered.
#[derive(Debug)]
pub enum Fetched {
    /// 304: unchanged since the validators were given.
    NotModified,
    Body(Body),
}

/// A response's body and what goes with it.
#[derive(Debug)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// The Content-Type header, if any.
    pub content_type: Option<String>,
    /// The URL after redirects.
    pub url: String,
    pub validators: Validators,
}

/// One HTTP agent, shared by the threads of an update.
pub struct Client {
    agent: ureq::Agent,
    options: FetchOptions,
}

impl Client {
    pub fn new(options: FetchOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build();
        Client {
            agent: ureq::Agent::new_with_config(config),
            options,
        }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GETs `url`, sending `validators` (if any) for a conditional GET.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let mut response = request.call().map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.options.max_bytes)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        Ok(Fetched::Body(Body {
            bytes,
            content_type,
            url: final_url,
            validators,
        }))
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::StatusCode(s) => FetchError::Status(s),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.options.max_bytes),
            ureq::Error::TooManyRedirects => FetchError::Redirects,
            ureq::Error::Timeout(_) => FetchError::Timeout(self.options.timeout.as_secs().max(1)),
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.options.timeout.as_secs().max(1))
            }
            other => FetchError::Other(other.to_string()),
        }
    }
}
