//! The on-demand panels: what only a click opens (the print briefing, the
//! comparison, the solver, the bases editor, the QR code, saving and
//! scenario files) lives in a
//! second wasm, `src/bin/extras`, that the page loads on first use, so that
//! a first visit downloads only what it shows.
//!
//! The page renders an empty host element for each panel
//! (`components::extra_host`); the extras wasm renders the panel into it
//! and runs the page's own reducer on a copy of the page's state. The two
//! talk in two kinds of text, both written and read here:
//! - a [`Snapshot`], page → panels: the scenario, view and pinned A as link
//!   codes, whenever they change;
//! - a [`Message`], panels → page: the scenario a panel's change produced,
//!   how it came about and what it edited (so undo and the address bar
//!   treat it as if the page had made it), or that A was unpinned;
//! - and, while uncertainty is on, the draws' [`Outlook`] of each
//!   indicator as numbers (see [`outlooks_to_numbers`]): the Monte Carlo
//!   runs in the extras wasm, so that the page's first load carries only
//!   what shows its results.

use std::fmt;
use std::str::FromStr;

use crate::model::uncertainty::{Chance, Outlook};
use crate::model::{IndicatorKey, LinkState, Plan};
use crate::state::{Change, Edit};

/// Which panel a host shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The print-only briefing.
    Briefing,
    /// A against B.
    Compare,
    /// The solver of the indicator on screen.
    Solve,
    /// The 2022 bases of the indicator on screen.
    Bases,
    /// The link as a QR code.
    Qr,
    /// Saving, the saved list and scenario files (after the name field).
    Scenarios,
    /// Growth ranges, ρ and φ of the indicator on screen (while
    /// uncertainty is on).
    Ranges,
    /// Nothing to see: a host that has the extras run the draws where no
    /// other panel is shown (presentation mode).
    Chances,
    /// The workshop view (工作坊汇总): the room's scenarios, combined.
    Workshop,
    /// The workshop view's presentation layout: the room's result, large.
    Room,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 10] = [
        Kind::Briefing,
        Kind::Compare,
        Kind::Solve,
        Kind::Bases,
        Kind::Qr,
        Kind::Scenarios,
        Kind::Ranges,
        Kind::Chances,
        Kind::Workshop,
        Kind::Room,
    ];

    /// Its name in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Briefing => "briefing",
            Kind::Compare => "compare",
            Kind::Solve => "solve",
            Kind::Bases => "bases",
            Kind::Qr => "qr",
            Kind::Scenarios => "scenarios",
            Kind::Ranges => "ranges",
            Kind::Chances => "chances",
            Kind::Workshop => "workshop",
            Kind::Room => "room",
        }
    }
}

impl FromStr for Kind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

/// What the panels are shown: the page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The scenario, language and indicator.
    pub state: LinkState,
    /// Scenario A, if pinned.
    pub pinned: Option<LinkState>,
}

impl Snapshot {
    /// As text: the two link codes on two lines (the second empty when
    /// nothing is pinned).
    pub fn encode(state_code: &str, pinned_code: Option<&str>) -> String {
        format!("{state_code}\n{}", pinned_code.unwrap_or(""))
    }

    /// Reads [`Snapshot::encode`]'s text.
    ///
    /// # Errors
    ///
    /// A code that does not decode, or text of another shape.
    pub fn decode(text: &str, plan: &Plan) -> Result<Self, String> {
        let (state, pinned) = text.split_once('\n').ok_or("a snapshot has two lines")?;
        let state = LinkState::decode(state, plan).map_err(|e| e.to_string())?;
        let pinned = match pinned {
            "" => None,
            code => Some(LinkState::decode(code, plan).map_err(|e| e.to_string())?),
        };
        Ok(Snapshot { state, pinned })
    }
}

/// What a panel tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// Take this scenario (see `Action::Adopt`).
    Adopt {
        /// The scenario, and the view when `view`.
        state: Box<LinkState>,
        /// A step or a continuing edit.
        change: Change,
        /// What it edited.
        edit: Option<Edit>,
        /// Whether the language or the indicator changed.
        view: bool,
    },
    /// Unpin A.
    Unpin,
    /// Close the workshop view, opening `state` in the main view if there
    /// is one (as B against the scenario on screen pinned as A when
    /// `compare`).
    Leave {
        /// What to open.
        state: Option<Box<LinkState>>,
        /// Whether to compare it with the scenario on screen.
        compare: bool,
    },
}

impl Message {
    /// As text: `adopt`, the change, the edit, the view flag and the link
    /// code, one per line; or `unpin`.
    pub fn encode(&self, plan: &Plan) -> String {
        match self {
            Message::Unpin => "unpin".to_owned(),
            Message::Leave { state, compare } => {
                let code = state.as_ref().map(|s| s.encode(plan)).unwrap_or_default();
                format!("leave\n{}\n{code}", u8::from(*compare))
            }
            Message::Adopt { state, change, edit, view } => {
                let change = if *change == Change::Step { "step" } else { "continuous" };
                let edit = edit.map(|e| EditText(e).to_string()).unwrap_or_default();
                format!("adopt\n{change}\n{edit}\n{}\n{}", u8::from(*view), state.encode(plan))
            }
        }
    }

    /// Reads [`Message::encode`]'s text.
    ///
    /// # Errors
    ///
    /// Text of another shape, or a code that does not decode.
    pub fn decode(text: &str, plan: &Plan) -> Result<Self, String> {
        let mut lines = text.split('\n');
        match lines.next() {
            Some("unpin") => Ok(Message::Unpin),
            Some("leave") => {
                let compare = lines.next() == Some("1");
                let state = match lines.next() {
                    None | Some("") => None,
                    Some(code) => Some(Box::new(LinkState::decode(code, plan).map_err(|e| e.to_string())?)),
                };
                Ok(Message::Leave { state, compare })
            }
            Some("adopt") => {
                let bad = || format!("not a panel message: {text:.40}");
                let change = match lines.next() {
                    Some("step") => Change::Step,
                    Some("continuous") => Change::Continuous,
                    _ => return Err(bad()),
                };
                let edit = match lines.next().ok_or_else(bad)? {
                    "" => None,
                    e => Some(e.parse::<EditText>().map_err(|()| bad())?.0),
                };
                let view = match lines.next() {
                    Some("1") => true,
                    Some("0") => false,
                    _ => return Err(bad()),
                };
                let state = LinkState::decode(lines.next().ok_or_else(bad)?, plan).map_err(|e| e.to_string())?;
                Ok(Message::Adopt { state: Box::new(state), change, edit, view })
            }
            _ => Err(format!("not a panel message: {text:.40}")),
        }
    }
}

/// What the page shows of the outlooks of the four indicators, in plan
/// order, as one list of numbers: first the CRC-32 of the link code of
/// the state they were drawn for (so that the page can tell a current
/// outlook from one still on its way); then per indicator, the target's chance and
/// whether chance plays a part (1 or 0); each unit's chance of doubling;
/// the city's five percentiles per year from the base year; each unit's
/// 5th and 95th percentile multiple (NaN for a zero base). Counts follow
/// from the plan. The floors' chances and the means stay in the extras,
/// whose ranges panel shows them.
pub fn outlooks_to_numbers(code: &str, outlooks: &[Outlook]) -> Vec<f64> {
    let mut out = vec![f64::from(crate::model::codec::crc32(code.as_bytes()))];
    for o in outlooks {
        out.extend([o.target.p, f64::from(u8::from(o.target.uncertain))]);
        out.extend(o.doubling.iter().map(|c| c.p));
        out.extend(o.city.iter().flatten());
        out.extend(o.multiples.iter().flat_map(|m| m.map_or([f64::NAN; 2], |(lo, hi)| [lo, hi])));
    }
    out
}

/// Reads [`outlooks_to_numbers`]' list against `plan`: the code's CRC-32
/// and the outlooks, without floors or means; `None` for a list of
/// another length or a chance outside 0 … 1.
pub fn outlooks_from_numbers(numbers: &[f64], plan: &Plan) -> Option<(u32, Vec<Outlook>)> {
    let (crc, mut rest) = numbers.split_first()?;
    // A u32 sent as f64 is exact; anything else is refused.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let crc = (crc.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(crc)).then_some(*crc as u32)?;
    let mut take = |n: usize| -> Option<&[f64]> {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let chance = |p: f64, uncertain: bool| (0.0..=1.0).contains(&p).then_some(Chance { p, uncertain });
    let mut out = Vec::with_capacity(4);
    for key in IndicatorKey::ALL {
        let (units, years) = (plan.units.len(), plan.years(key).count());
        let head = take(2)?;
        let uncertain = head[1] > 0.5;
        let target = chance(head[0], uncertain)?;
        let doubling = take(units)?.iter().map(|p| chance(*p, uncertain)).collect::<Option<Vec<_>>>()?;
        let city = take((years + 1) * 5)?.chunks_exact(5).map(|c| [c[0], c[1], c[2], c[3], c[4]]).collect();
        let multiples = take(units * 2)?.chunks_exact(2).map(|m| (!m[0].is_nan()).then_some((m[0], m[1]))).collect();
        out.push(Outlook {
            indicator: key,
            target,
            doubling,
            floors: Vec::new(),
            city,
            city_mean: Vec::new(),
            multiples,
            uncertain,
        });
    }
    rest.is_empty().then_some((crc, out))
}

/// An [`Edit`] as text: a letter, then the indicator's index and the
/// numbers it holds, separated by `.`.
struct EditText(Edit);

impl fmt::Display for EditText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Edit::Cell(k, u, y) => write!(f, "c.{}.{u}.{y}", k.index()),
            Edit::Name => f.write_str("n"),
            Edit::Base(k, u) => write!(f, "b.{}.{u}", k.index()),
            Edit::Report(k, y, Some(u)) => write!(f, "r.{}.{y}.{u}", k.index()),
            Edit::Report(k, y, None) => write!(f, "r.{}.{y}", k.index()),
            Edit::Unallocated(k) => write!(f, "u.{}", k.index()),
            Edit::Source(k) => write!(f, "s.{}", k.index()),
            Edit::Range(k, Some((u, y))) => write!(f, "g.{}.{u}.{y}", k.index()),
            Edit::Range(k, None) => write!(f, "g.{}", k.index()),
            Edit::Coefficient(rho) => write!(f, "k.{}", u8::from(rho)),
        }
    }
}

impl FromStr for EditText {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let mut parts = s.split('.');
        let tag = parts.next().ok_or(())?;
        let numbers: Vec<usize> = parts.map(|p| p.parse().map_err(|_| ())).collect::<Result<_, _>>()?;
        let key = |i: usize| numbers.get(i).and_then(|k| IndicatorKey::ALL.get(*k).copied()).ok_or(());
        let edit = match (tag, numbers.len()) {
            ("c", 3) => Edit::Cell(key(0)?, numbers[1], numbers[2]),
            ("n", 0) => Edit::Name,
            ("b", 2) => Edit::Base(key(0)?, numbers[1]),
            ("r", 3) => Edit::Report(key(0)?, numbers[1], Some(numbers[2])),
            ("r", 2) => Edit::Report(key(0)?, numbers[1], None),
            ("u", 1) => Edit::Unallocated(key(0)?),
            ("s", 1) => Edit::Source(key(0)?),
            ("g", 3) => Edit::Range(key(0)?, Some((numbers[1], numbers[2]))),
            ("g", 1) => Edit::Range(key(0)?, None),
            ("k", 1) if numbers[0] <= 1 => Edit::Coefficient(numbers[0] == 1),
            _ => return Err(()),
        };
        Ok(EditText(edit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Scenario};

    fn plan() -> Plan {
        Plan::shipped().expect("the shipped plan parses")
    }

    #[test]
    fn snapshots_and_messages_read_back_what_they_wrote() {
        let plan = plan();
        let mut scenario = Scenario::default_for(&plan);
        scenario.name = "第一桌\n方案".to_owned();
        let state = LinkState { scenario, lang: Lang::En, indicator: Some(IndicatorKey::Capacity) };
        let code = state.encode(&plan);
        let snap = Snapshot::decode(&Snapshot::encode(&code, Some(&code)), &plan).expect("reads");
        assert_eq!(snap, Snapshot { state: state.clone(), pinned: Some(state.clone()) });
        assert_eq!(Snapshot::decode(&Snapshot::encode(&code, None), &plan).expect("reads").pinned, None);
        let edits = [
            None,
            Some(Edit::Cell(IndicatorKey::ValueAdded, 8, 3)),
            Some(Edit::Name),
            Some(Edit::Base(IndicatorKey::Funds, 2)),
            Some(Edit::Report(IndicatorKey::Investment, 1, Some(4))),
            Some(Edit::Report(IndicatorKey::Investment, 0, None)),
            Some(Edit::Unallocated(IndicatorKey::Capacity)),
            Some(Edit::Source(IndicatorKey::Funds)),
            Some(Edit::Range(IndicatorKey::ValueAdded, Some((3, 2)))),
            Some(Edit::Range(IndicatorKey::Funds, None)),
            Some(Edit::Coefficient(true)),
            Some(Edit::Coefficient(false)),
        ];
        for edit in edits {
            for (change, view) in [(Change::Step, true), (Change::Continuous, false)] {
                let m = Message::Adopt { state: Box::new(state.clone()), change, edit, view };
                assert_eq!(Message::decode(&m.encode(&plan), &plan), Ok(m));
            }
        }
        assert_eq!(Message::decode(&Message::Unpin.encode(&plan), &plan), Ok(Message::Unpin));
        for m in [
            Message::Leave { state: None, compare: false },
            Message::Leave { state: Some(Box::new(state.clone())), compare: true },
        ] {
            assert_eq!(Message::decode(&m.encode(&plan), &plan), Ok(m));
        }
    }

    #[test]
    fn outlooks_read_back_as_numbers() {
        use crate::model::uncertainty::Sampler;
        let plan = plan();
        let mut scenario = Scenario::default_for(&plan);
        scenario.uncertainty.on = true;
        let sampler = Sampler::new();
        let outlooks: Vec<Outlook> =
            IndicatorKey::ALL.iter().map(|k| Outlook::of(&plan, &scenario, *k, &sampler)).collect();
        let numbers = outlooks_to_numbers("BAAAAAAAAAAAAAAAAAAAhGavXQ", &outlooks);
        // What the page shows comes back; floors and means stay behind.
        let shown: Vec<Outlook> =
            outlooks.into_iter().map(|o| Outlook { floors: Vec::new(), city_mean: Vec::new(), ..o }).collect();
        let crc = crate::model::codec::crc32(b"BAAAAAAAAAAAAAAAAAAAhGavXQ");
        assert_eq!(outlooks_from_numbers(&numbers, &plan), Some((crc, shown)));
        assert_eq!(outlooks_from_numbers(&numbers[1..], &plan), None);
        let mut longer = numbers.clone();
        longer.push(0.0);
        assert_eq!(outlooks_from_numbers(&longer, &plan), None);
        let mut wrong = numbers;
        wrong[1] = 1.5;
        assert_eq!(outlooks_from_numbers(&wrong, &plan), None);
    }

    #[test]
    fn other_text_is_refused_not_guessed() {
        let plan = plan();
        let code = LinkState { scenario: Scenario::default_for(&plan), lang: Lang::Zh, indicator: None }.encode(&plan);
        for text in [
            String::new(),
            "adopt".to_owned(),
            format!("adopt\nstep\n\n2\n{code}"),
            format!("adopt\nrestored\n\n0\n{code}"),
            format!("adopt\nstep\nc.9.0.0\n0\n{code}"),
            format!("adopt\nstep\nc.0.0\n0\n{code}"),
            "adopt\nstep\n\n0\nnot-a-code".to_owned(),
            "pin".to_owned(),
        ] {
            assert!(Message::decode(&text, &plan).is_err(), "{text:?}");
        }
        assert!(Snapshot::decode(&code, &plan).is_err());
        assert!(Snapshot::decode(&format!("{code}\nbroken"), &plan).is_err());
        assert_eq!("briefing".parse::<Kind>(), Ok(Kind::Briefing));
        assert!("print".parse::<Kind>().is_err());
    }
}
