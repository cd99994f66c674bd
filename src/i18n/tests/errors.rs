//! The library's errors in both languages: why a file was skipped, why a collection cannot
//! be opened; English as the errors' own text.

use super::*;
use crate::collection::{DecodeError, SkipReason};

#[test]
fn skip_reasons_in_both_languages() {
    let gone = std::io::Error::from_raw_os_error(2);
    let denied = std::io::Error::from_raw_os_error(13);
    let reasons = [
        SkipReason::io(&gone),
        SkipReason::io(&denied),
        SkipReason::io(&std::io::Error::other("disk on fire")),
        SkipReason::cannot_list(&denied),
        SkipReason::LinkLoop,
        SkipReason::NotRegularFile,
        SkipReason::NoText,
        SkipReason::Decode(DecodeError::Empty),
        SkipReason::Decode(DecodeError::Binary),
        SkipReason::Decode(DecodeError::Damaged {
            encoding: "UTF-16LE",
            invalid: 40,
            intact: 12,
        }),
        SkipReason::Decode(DecodeError::Undecodable {
            guess: "GBK",
            invalid_utf8: 7,
        }),
        SkipReason::NoArticle,
    ];
    let en = en();
    for r in &reasons {
        assert_eq!(en.skip_reason(r), r.to_string(), "{r:?}");
    }
    let ar = ar_plain();
    let arabic: Vec<String> = reasons.iter().map(|r| ar.skip_reason(r)).collect();
    assert_eq!(arabic[0], "الملف غير موجود");
    assert_eq!(arabic[1], "لا إذن بقراءة الملف");
    assert_eq!(arabic[2], "disk on fire");
    assert_eq!(arabic[7], "ملف فارغ");
    assert_eq!(
        arabic[9],
        "نص UTF-16LE تالف (تسلسلات غير صالحة: ٤٠، حروف سليمة: ١٢)"
    );
    assert!(arabic[10].starts_with("ترميز غير معروف"), "{}", arabic[10]);
    assert_eq!(arabic[11], "صفحة ويب لم يُعثر فيها على نص مقال");
}

#[test]
fn collection_errors_in_both_languages() {
    use crate::collection::CollectionError;
    use std::path::PathBuf;
    let errors = [
        CollectionError::Missing {
            path: PathBuf::from("/news"),
            source: std::io::Error::from_raw_os_error(2),
        },
        CollectionError::NotBuiltin(PathBuf::from("assets/articles/x.txt")),
        CollectionError::Unreadable {
            path: PathBuf::from("/news/a.txt"),
            reason: SkipReason::Decode(DecodeError::Binary),
        },
    ];
    for e in &errors {
        assert_eq!(en().collection_error(e), e.to_string());
    }
    assert_eq!(
        ar_plain().collection_error(&errors[2]),
        "/news/a.txt: ملف ثنائي (فيه بايتات NUL)، لا نص"
    );
}
