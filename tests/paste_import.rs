//! Bases pasted from spreadsheets: real-looking blocks and the exact
//! problems they must report.

// Tests fail loudly on purpose; the bases compared are exact decimals
// held to four places, so exact equality is the property under test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

use doubling_sandbox::model::import::{read_bases, split_table, ImportIssue, Located};
use doubling_sandbox::model::{IndicatorKey, Plan};

fn plan() -> Plan {
    Plan::shipped().unwrap()
}

#[test]
fn a_clean_wps_block_with_chinese_names_full_width_digits_and_separators() {
    let text = "单位\t招商引资到位资金\t制造业投资\t产能（亿元）\t规上制造业增加值\n\
                华龙区\t３０.５\t24.75\t1,234.5\t22\n\
                濮阳经济技术开发区\t50\t\t210\t43.2\n\
                Taiqian\t19.6\t19.25\t78.75\t16.63\n";
    let p = read_bases(&plan(), text);
    assert!(p.issues.is_empty(), "{:?}", p.issues);
    assert!(p.can_apply());
    assert_eq!(p.bases.len(), 11);
    let b = |unit: usize, key: IndicatorKey| {
        p.bases.iter().find(|b| b.unit == unit && b.indicator == key).map(|b| b.base.yi())
    };
    assert_eq!(b(0, IndicatorKey::Funds), Some(30.5));
    assert_eq!(b(0, IndicatorKey::Capacity), Some(1234.5));
    assert_eq!(b(6, IndicatorKey::Investment), None, "an empty cell changes nothing");
    assert_eq!(b(5, IndicatorKey::ValueAdded), Some(16.63));
    let first = p.bases[0];
    assert_eq!((first.row, first.col), (2, 2));
}

#[test]
fn problems_are_reported_by_row_and_column() {
    let text = "2022年各县区制造业数据（单位：亿元）\n\
                \n\
                县区,funds,capacity,GDP\n\
                华龙区,28,\"1,125\",9\n\
                西区,12,30,\n\
                南乐县,abc,-5,\n\
                县区,funds,capacity,GDP\n\
                华龙区,29,31,\n\
                全市合计,280,1125,\n\
                范县,33.6,9999999,\n";
    let p = read_bases(&plan(), text);
    let want = vec![
        Located {
            row: 1, col: None, issue: ImportIssue::Ignored("2022年各县区制造业数据（单位：亿元）".into())
        },
        Located { row: 3, col: Some(4), issue: ImportIssue::UnknownIndicator("GDP".into()) },
        Located { row: 5, col: Some(1), issue: ImportIssue::UnknownUnit("西区".into()) },
        Located { row: 6, col: Some(2), issue: ImportIssue::NotANumber("abc".into()) },
        Located { row: 6, col: Some(3), issue: ImportIssue::Negative("-5".into()) },
        Located { row: 7, col: None, issue: ImportIssue::Ignored("县区".into()) },
        Located { row: 8, col: Some(1), issue: ImportIssue::DuplicateUnit("华龙区".into(), 4) },
        Located { row: 9, col: None, issue: ImportIssue::Ignored("全市合计".into()) },
        Located { row: 10, col: Some(3), issue: ImportIssue::TooLarge("9999999".into()) },
    ];
    assert_eq!(p.issues, want);
    assert!(!p.can_apply(), "blocking problems apply nothing");
    // Quoted thousands in CSV read as one number.
    assert!(p.bases.iter().any(|b| b.unit == 0 && b.indicator == IndicatorKey::Capacity && b.base.yi() == 1125.0));
}

#[test]
fn no_header_is_a_problem_and_tables_split_either_way() {
    let p = read_bases(&plan(), "华龙区\t28\n濮阳县\t44");
    assert_eq!(p.issues, vec![Located { row: 1, col: None, issue: ImportIssue::NoHeader }]);
    assert!(!p.can_apply());
    // A tab anywhere makes the block tab-separated: commas are then data.
    assert_eq!(split_table("a,b\n1\t2"), vec![vec!["a,b".to_owned()], vec!["1".to_owned(), "2".to_owned()]]);
    assert_eq!(
        split_table("a,\"b,c\",\"say \"\"hi\"\"\""),
        vec![vec!["a".to_owned(), "b,c".to_owned(), "say \"hi\"".to_owned()]]
    );
}
