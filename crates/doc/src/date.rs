use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date (no time zone), the unit in which news
/// events are dated.
///
/// Kept deliberately small: construction validates the day of the month, and
/// [`Date::days_since_epoch`]/[`Date::from_days`] give exact day arithmetic, which is
/// all that relative expressions ("two days ago", "last Monday") need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date: {}", self.0)
    }
}

impl std::error::Error for DateError {}

/// English month names in lower case, January first: `MONTH_NAMES[m - 1]`.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names in lower case, Monday first (ISO order):
/// `WEEKDAY_NAMES[Date::weekday() - 1]`.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `lower` (a lower-cased word) is a full English month or weekday
/// name: capitalised, yet never a name of a person, group or place.
pub fn is_calendar_word(lower: &str) -> bool {
    MONTH_NAMES.contains(&lower) || WEEKDAY_NAMES.contains(&lower)
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A validated date; `None` for impossible dates (Feb 30, month 13) and years
    /// outside 1..=9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's civil-date algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::days_since_epoch`]; `None` outside years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date shifted by `n` days (negative for the past).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days_since_epoch() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }

    /// Parses the date at the start of an ISO-8601-like string: `2016-12-12`,
    /// `2016-12-12T10:31:00Z`, `2016-12-12 10:31`, `20161212`.
    pub fn parse_iso_prefix(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            let date = Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)?;
            // Whatever follows must not continue the number ("2016-12-123").
            return match b.get(10) {
                Some(c) if c.is_ascii_digit() => None,
                _ => Some(date),
            };
        }
        if b.len() == 8 {
            return Date::new(num(0..4)? as i32, num(4..6)? as u8, num(6..8)? as u8);
        }
        None
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse_iso_prefix(s).ok_or_else(|| DateError(format!("{s:?} (expected YYYY-MM-DD)")))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates() {
        assert!(Date::new(2016, 2, 29).is_some());
        assert!(Date::new(2015, 2, 29).is_none());
        assert!(Date::new(2016, 13, 1).is_none());
        assert!(Date::new(2016, 4, 31).is_none());
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::new(2016, 12, 12).unwrap();
        assert_eq!(d.weekday(), 1, "2016-12-12 was a Monday");
        assert_eq!(d.add_days(-12).unwrap().to_string(), "2016-11-30");
        assert_eq!(d.add_days(20).unwrap().to_string(), "2017-01-01");
        for n in (-700_000..2_900_000).step_by(997) {
            let x = Date::from_days(n).unwrap();
            assert_eq!(x.days_since_epoch(), n);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn parses_iso_prefixes() {
        let want = Date::new(2016, 12, 12);
        assert_eq!(Date::parse_iso_prefix("2016-12-12"), want);
        assert_eq!(Date::parse_iso_prefix(" 2016-12-12T10:31:00Z"), want);
        assert_eq!(Date::parse_iso_prefix("20161212"), want);
        assert_eq!(Date::parse_iso_prefix("2016-12-123"), None);
        assert_eq!(Date::parse_iso_prefix("2016-02-30"), None);
        assert!("12/12/2016".parse::<Date>().is_err());
    }
}
