//! Time comes into qari from outside: every "now" (a bookmark's creation, a reading position's
//! update, the day a feed item without a date is filed under) and every "which day is that, here"
//! (the date a bookmark shows) asks a [`Clock`]. The system clock reads the machine's time and
//! its time zone (`TZ`, else /etc/localtime); a pinned clock stands at one instant in one UTC
//! offset, which is what tests use so that no screen depends on the day, the zone or the machine
//! they run on. `QARI_NOW` pins the binary's clock from outside (`2026-03-01T12:00:00+03:00`, or
//! `@SECONDS` for UTC), for scripts and the tmux tests.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Local, Offset, TimeZone};

use crate::i18n::Ymd;

/// The variable that pins the clock of the binary.
pub const ENV: &str = "QARI_NOW";

/// Where "now" and the local day come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    pinned: Option<Pinned>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pinned {
    /// Seconds since the epoch.
    at: i64,
    /// Seconds east of UTC.
    offset: i32,
}

/// A `QARI_NOW` that is not a time.
#[derive(Debug, thiserror::Error)]
#[error(
    "{ENV}={value:?} is not a time: write it as 2026-03-01T12:00:00+03:00 (RFC 3339) or @SECONDS"
)]
pub struct ClockError {
    pub value: String,
}

impl Clock {
    /// The machine's clock and time zone.
    pub const SYSTEM: Clock = Clock { pinned: None };

    /// A clock standing at `at` (seconds since the epoch), `offset` seconds east of UTC.
    pub const fn pinned(at: i64, offset: i32) -> Clock {
        Clock {
            pinned: Some(Pinned { at, offset }),
        }
    }

    /// The clock `QARI_NOW` asks for (`value`), else the system's.
    pub fn from_env(value: Option<&str>) -> Result<Clock, ClockError> {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(Clock::SYSTEM);
        };
        let error = || ClockError {
            value: value.to_owned(),
        };
        if let Some(secs) = value.strip_prefix('@') {
            return secs
                .parse()
                .map(|at| Clock::pinned(at, 0))
                .map_err(|_| error());
        }
        let t = chrono::DateTime::parse_from_rfc3339(value).map_err(|_| error())?;
        Ok(Clock::pinned(t.timestamp(), t.offset().local_minus_utc()))
    }

    /// The clock of this process: `QARI_NOW` if set, else the system's.
    pub fn from_process_env() -> Result<Clock, ClockError> {
        Clock::from_env(std::env::var(ENV).ok().as_deref())
    }

    /// Now, in seconds since the epoch.
    pub fn now(&self) -> i64 {
        match self.pinned {
            Some(p) => p.at,
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        }
    }

    /// The offset from UTC, in seconds, of local time at `at`.
    pub fn offset_at(&self, at: i64) -> i32 {
        match self.pinned {
            Some(p) => p.offset,
            None => Local
                .timestamp_opt(at, 0)
                .single()
                .map_or(0, |t| t.offset().fix().local_minus_utc()),
        }
    }

    /// The local day of the instant `at`.
    pub fn day(&self, at: i64) -> Ymd {
        Ymd::from_unix(at.saturating_add(i64::from(self.offset_at(at))))
    }

    /// Today, here.
    pub fn today(&self) -> Ymd {
        self.day(self.now())
    }

    /// Today as `YYYY-MM-DD`.
    pub fn today_iso(&self) -> String {
        let d = self.today();
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_gives_its_instant_and_its_local_day() {
        // 2026-03-01 22:30 UTC is already 2 March in Riyadh (UTC+3).
        let at = 1_772_404_200;
        let utc = Clock::pinned(at, 0);
        let riyadh = Clock::pinned(at, 3 * 3600);
        assert_eq!(utc.now(), at);
        assert_eq!(utc.today(), Ymd::new(2026, 3, 1).unwrap());
        assert_eq!(riyadh.today(), Ymd::new(2026, 3, 2).unwrap());
        assert_eq!(riyadh.today_iso(), "2026-03-02");
        // West of UTC, the day before.
        let early = Clock::pinned(1_772_323_200, -5 * 3600); // 2026-03-01 00:00 UTC
        assert_eq!(early.today(), Ymd::new(2026, 2, 28).unwrap());
    }

    #[test]
    fn qari_now_pins_the_clock_from_outside() {
        let c = Clock::from_env(Some("2026-03-02T01:30:00+03:00")).unwrap();
        assert_eq!(c.now(), 1_772_404_200);
        assert_eq!(c.offset_at(0), 3 * 3600);
        assert_eq!(c.today(), Ymd::new(2026, 3, 2).unwrap());
        let c = Clock::from_env(Some("@0")).unwrap();
        assert_eq!((c.now(), c.today()), (0, Ymd::new(1970, 1, 1).unwrap()));
        assert_eq!(Clock::from_env(None).unwrap(), Clock::SYSTEM);
        assert_eq!(Clock::from_env(Some(" ")).unwrap(), Clock::SYSTEM);
        let e = Clock::from_env(Some("yesterday")).unwrap_err();
        assert!(e.to_string().contains("QARI_NOW=\"yesterday\""), "{e}");
    }
}
