//! `--dates FILE`: publication days for documents that carry none themselves (text
//! files), as a CSV of `doc,date` (`doc` is the document id, as in `mentions.csv`).
//!
//! A bad line is a warning (`path: line N: problem`) and its document stays undated: a
//! typo in one date should not stop a run over thousands of documents. `#` comments and
//! blank lines are skipped, a byte-order mark is stripped, and a first line `doc,date`
//! is taken as a header.

use std::collections::HashMap;

use crate::error::Error;
use crate::model::Day;

/// The days read from a dates file, and the problems found on the way.
#[derive(Debug, Default)]
pub struct Dates {
    pub days: HashMap<String, Day>,
    pub warnings: Vec<Error>,
}

impl Dates {
    pub fn get(&self, doc: &str) -> Option<Day> {
        self.days.get(doc).copied()
    }
}

/// Parses the text of a dates file; `path` is what messages call it.
pub fn parse_dates(path: &str, text: &str) -> Dates {
    let mut dates = Dates::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut first_line: HashMap<String, usize> = HashMap::new();
    // Line by line (a date file has no multi-line fields), so that line numbers count
    // comments and blank lines too.
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let warn = |message: String| Error::BadLine {
            path: path.to_string(),
            line,
            message,
        };
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(raw.as_bytes());
        let mut record = ::csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(err) => {
                dates
                    .warnings
                    .push(warn(format!("not CSV ({err}); line skipped")));
                continue;
            }
        }
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if line == 1 && fields.len() == 2 && fields[0].eq_ignore_ascii_case("doc") {
            continue;
        }
        let (doc, date) = match fields.as_slice() {
            [doc, date] if !doc.is_empty() => (*doc, *date),
            _ => {
                dates.warnings.push(warn(format!(
                    "expected 2 fields doc,date, found {}; line skipped",
                    fields.len()
                )));
                continue;
            }
        };
        let Some(day) = Day::parse(date) else {
            dates.warnings.push(warn(format!(
                "document {doc:?}: {date:?} is not an ISO 8601 day (YYYY-MM-DD); the document is kept undated"
            )));
            continue;
        };
        if let Some(first) = first_line.get(doc) {
            dates.warnings.push(warn(format!(
                "document {doc:?} already has a date on line {first}; this one is ignored"
            )));
            continue;
        }
        first_line.insert(doc.to_string(), line);
        dates.days.insert(doc.to_string(), day);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_days_and_names_bad_lines() {
        let text = "\u{feff}doc,date\n# a comment\nseeds/a,2016-09-09\n\"b,c\",2016-09-10T08:00:00Z\n\nd,2016-13-01\ne\na2,09/09/2016\nseeds/a,2017-01-01\n";
        let dates = parse_dates("dates.csv", text);
        assert_eq!(dates.get("seeds/a").unwrap().to_string(), "2016-09-09");
        assert_eq!(dates.get("b,c").unwrap().to_string(), "2016-09-10");
        assert_eq!(dates.get("d"), None);
        let messages: Vec<String> = dates.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            messages,
            [
                "dates.csv: line 6: document \"d\": \"2016-13-01\" is not an ISO 8601 day (YYYY-MM-DD); the document is kept undated",
                "dates.csv: line 7: expected 2 fields doc,date, found 1; line skipped",
                "dates.csv: line 8: document \"a2\": \"09/09/2016\" is not an ISO 8601 day (YYYY-MM-DD); the document is kept undated",
                "dates.csv: line 9: document \"seeds/a\" already has a date on line 3; this one is ignored",
            ]
        );
    }

    #[test]
    fn a_first_line_that_is_data_is_kept() {
        let dates = parse_dates("d.csv", "x,2016-01-01\n");
        assert_eq!(dates.days.len(), 1);
        assert!(dates.warnings.is_empty());
    }
}
