//! A workshop as it is kept and exchanged: its rounds, each round's
//! entries (named scenario links), its reference entry, its way of
//! combining and the owners the facilitator set by hand. One documented
//! JSON form serves the browser's storage and the exported file:
//!
//! ```json
//! {
//!   "format": "doubling-sandbox-workshop",
//!   "version": 1,
//!   "current": 1,
//!   "rounds": [
//!     { "name": "第1轮", "mode": "proposals", "reference": 0, "owners": {},
//!       "entries": [ { "name": "第一桌", "code": "BA…" } ] },
//!     { "name": "第2轮", "mode": "pledges", "reference": 0,
//!       "owners": { "nanle": 1, "taiqian": "reference" },
//!       "entries": [ { "name": "市局", "code": "BA…" }, { "name": "南乐县", "code": "BA…" } ] }
//!   ]
//! }
//! ```
//!
//! `mode` is `pledges` (each unit from the entry that owns it) or
//! `proposals` (side by side); `reference` is an entry's index (0-based;
//! any value while a round has no entries); `owners` maps a unit id to an
//! entry's index or `"reference"` where the facilitator chose, the other
//! units following their default claims. Every code must open. A file is
//! read whole or not at all: the first field that is wrong is named.

use serde_json::{json, Map, Value};

use super::super::codec::{LinkState, MAX_NAME_CHARS};
use super::super::file::{FileError, FileProblem};
use super::super::plan::IndicatorKey;
use super::super::plan::Plan;
use super::super::scenario::Scenario;
use super::super::verdict::{judge_all, Status, TargetVerdict};
use super::{claims, compose};

/// The value of `format`.
pub const WORKSHOP_FORMAT: &str = "doubling-sandbox-workshop";
/// The version this code writes and reads.
pub const WORKSHOP_VERSION: u64 = 1;
/// The most entries a round holds.
pub const MAX_ENTRIES: usize = 200;
/// The most rounds a workshop holds.
pub const MAX_ROUNDS: usize = 50;

/// How a round's entries are combined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Each unit from the entry that speaks for it (认领).
    #[default]
    Pledges,
    /// Every entry a whole-city proposal, side by side.
    Proposals,
}

impl Mode {
    /// `pledges` or `proposals`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Pledges => "pledges",
            Mode::Proposals => "proposals",
        }
    }
}

/// Who a unit's figures come from, as the facilitator set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The reference entry (the unit is not pledged).
    Reference,
    /// An entry, by index.
    Entry(usize),
}

/// One scenario of a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// What the facilitator calls it (the scenario's name at first).
    pub name: String,
    /// Its link code.
    pub code: String,
    /// What the code holds.
    pub state: LinkState,
}

/// One round of a workshop.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Round {
    /// 第1轮, 第2轮, … unless renamed.
    pub name: String,
    /// The entries, in the facilitator's order.
    pub entries: Vec<Entry>,
    /// The reference entry's index.
    pub reference: usize,
    /// How the entries are combined.
    pub mode: Mode,
    /// Per unit, the owner set by hand, if any.
    pub owners: Vec<Option<Owner>>,
}

/// Who each unit's figures come from in a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ownership {
    /// Per unit, the entry it is taken from (`None`: the reference's, not
    /// pledged).
    pub owners: Vec<Option<usize>>,
    /// Per unit, the entries that claim it when more than one does and the
    /// facilitator has not chosen (the first of them is taken meanwhile).
    pub disputed: Vec<Vec<usize>>,
}

impl Round {
    /// Who each unit's figures come from: the facilitator's choice, else
    /// the one entry that claims the unit (see [`claims`]), else the first
    /// of several (marked disputed), else the reference.
    pub fn ownership(&self, plan: &Plan) -> Ownership {
        let scenarios: Vec<_> = self.entries.iter().map(|e| e.state.scenario.clone()).collect();
        let claimed = claims(plan, &scenarios);
        let mut out = Ownership { owners: Vec::new(), disputed: Vec::new() };
        for (u, by) in claimed.into_iter().enumerate() {
            // The reference's own changes yield to any other entry's pledge.
            let by: Vec<usize> =
                if by.len() > 1 { by.into_iter().filter(|e| *e != self.reference).collect() } else { by };
            let set = self.owners.get(u).copied().flatten();
            let (owner, disputed) = match set {
                Some(Owner::Reference) => (None, Vec::new()),
                Some(Owner::Entry(e)) if e < self.entries.len() => (Some(e), Vec::new()),
                _ if by.len() > 1 => (by.first().copied(), by),
                _ => (by.first().copied(), Vec::new()),
            };
            out.owners.push(owner);
            out.disputed.push(disputed);
        }
        out
    }
}

/// What a round comes to: how many proposals reach each target and all
/// four, and the composed city scenario's verdicts (its pledges by unit).
#[derive(Clone, Debug, PartialEq)]
pub struct RoundSummary {
    /// How many entries the round has.
    pub entries: usize,
    /// Per target, in [`IndicatorKey::ALL`] order, how many entries reach it.
    pub meets: [usize; 4],
    /// How many entries reach all four targets.
    pub all_four: usize,
    /// The composed scenario's verdicts, when the round has a reference.
    pub composed: Option<Vec<TargetVerdict>>,
    /// Per target, the units of the composed scenario that miss their
    /// doubling.
    pub not_doubled: [Vec<usize>; 4],
}

impl Round {
    /// The composed city scenario: each unit from its owner (see
    /// [`Round::ownership`]) over the reference entry.
    pub fn composed(&self, plan: &Plan) -> Option<Scenario> {
        let scenarios: Vec<Scenario> = self.entries.iter().map(|e| e.state.scenario.clone()).collect();
        compose(&scenarios, self.reference, &self.ownership(plan).owners)
    }

    /// What the round comes to.
    pub fn summary(&self, plan: &Plan) -> RoundSummary {
        let verdicts: Vec<Vec<TargetVerdict>> =
            self.entries.iter().map(|e| judge_all(plan, &e.state.scenario)).collect();
        let met = |v: &TargetVerdict| v.status == Status::Met;
        let meets = IndicatorKey::ALL.map(|k| verdicts.iter().filter(|v| met(&v[k.index()])).count());
        let all_four = verdicts.iter().filter(|v| v.iter().all(met)).count();
        let composed = self.composed(plan).map(|s| judge_all(plan, &s));
        let not_doubled = IndicatorKey::ALL.map(|k| {
            composed.as_ref().map_or_else(Vec::new, |c| {
                c[k.index()].units.iter().filter(|u| u.doubling != Status::Met).map(|u| u.unit).collect()
            })
        });
        RoundSummary { entries: self.entries.len(), meets, all_four, composed, not_doubled }
    }
}

/// What adding scenarios to a round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// New entries.
    pub added: usize,
    /// Scenarios the round already held (or held twice among those added):
    /// merged, not added again.
    pub duplicates: usize,
    /// Scenarios left out because the round is full ([`MAX_ENTRIES`]).
    pub over: usize,
}

impl Round {
    /// Adds scenarios as entries, each named `name` unless it has a name
    /// of its own; a scenario the round already has is merged (counted in
    /// [`Added::duplicates`]), whatever view its link was written with.
    pub fn add(
        &mut self,
        found: impl IntoIterator<Item = (String, LinkState)>,
        name: impl Fn(usize) -> String,
    ) -> Added {
        let mut out = Added::default();
        for (code, state) in found {
            if self.entries.iter().any(|e| e.state.scenario == state.scenario) {
                out.duplicates += 1;
                continue;
            }
            if self.entries.len() >= MAX_ENTRIES {
                out.over += 1;
                continue;
            }
            let own = state.scenario.name.trim();
            let entry_name = if own.is_empty() { name(self.entries.len() + 1) } else { own.to_owned() };
            self.entries.push(Entry { name: entry_name, code, state });
            out.added += 1;
        }
        out
    }

    /// Removes entry `i`; the reference and the owners set by hand follow
    /// the entries they pointed at (an owner that was `i` is unset; a
    /// removed reference becomes the first entry).
    pub fn remove(&mut self, i: usize) {
        if i >= self.entries.len() {
            return;
        }
        self.entries.remove(i);
        if self.reference == i {
            self.reference = 0;
        } else if self.reference > i {
            self.reference -= 1;
        }
        for o in &mut self.owners {
            match *o {
                Some(Owner::Entry(e)) if e == i => *o = None,
                Some(Owner::Entry(e)) if e > i => *o = Some(Owner::Entry(e - 1)),
                _ => {}
            }
        }
    }

    /// Swaps entries `i` and `j`, the reference and owners with them.
    pub fn swap(&mut self, i: usize, j: usize) {
        if i >= self.entries.len() || j >= self.entries.len() || i == j {
            return;
        }
        self.entries.swap(i, j);
        let moved = |e: usize| {
            if e == i {
                j
            } else if e == j {
                i
            } else {
                e
            }
        };
        self.reference = moved(self.reference);
        for o in &mut self.owners {
            if let Some(Owner::Entry(e)) = *o {
                *o = Some(Owner::Entry(moved(e)));
            }
        }
    }

    /// Sets who unit `unit` is taken from (`None`: back to its claims).
    pub fn set_owner(&mut self, units: usize, unit: usize, owner: Option<Owner>) {
        if self.owners.len() < units {
            self.owners.resize(units, None);
        }
        if let Some(o) = self.owners.get_mut(unit) {
            *o = owner;
        }
    }
}

/// A workshop: its rounds and the one on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    /// The rounds, first first; never empty.
    pub rounds: Vec<Round>,
    /// The round on screen.
    pub current: usize,
}

impl Workshop {
    /// A workshop with one empty round, 第1轮 or Round 1.
    pub fn new(first_round: String) -> Self {
        Workshop { rounds: vec![Round { name: first_round, ..Round::default() }], current: 0 }
    }

    /// Starts an empty round named `name`, the earlier ones kept, and
    /// shows it; its way of combining follows the round before. False when
    /// the workshop has [`MAX_ROUNDS`] rounds.
    pub fn new_round(&mut self, name: String) -> bool {
        if self.rounds.len() >= MAX_ROUNDS {
            return false;
        }
        let mode = self.rounds.last().map(|r| r.mode).unwrap_or_default();
        self.rounds.push(Round { name, mode, ..Round::default() });
        self.current = self.rounds.len() - 1;
        true
    }

    /// The round on screen.
    pub fn round(&self) -> &Round {
        &self.rounds[self.current.min(self.rounds.len() - 1)]
    }

    /// The round on screen, to change.
    pub fn round_mut(&mut self) -> &mut Round {
        let i = self.current.min(self.rounds.len() - 1);
        &mut self.rounds[i]
    }
}

fn err(path: impl Into<String>, problem: FileProblem) -> FileError {
    FileError { path: path.into(), problem }
}

fn object<'a>(v: &'a Value, path: &str, fields: &[&str]) -> Result<&'a Map<String, Value>, FileError> {
    let map = v.as_object().ok_or_else(|| err(path, FileProblem::WrongType("an object")))?;
    if let Some(k) = map.keys().find(|k| !fields.contains(&k.as_str())) {
        let at = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
        return Err(err(at, FileProblem::Unknown));
    }
    Ok(map)
}

fn field<'a>(map: &'a Map<String, Value>, path: &str, name: &str) -> Result<&'a Value, FileError> {
    map.get(name).ok_or_else(|| err(join(path, name), FileProblem::Missing))
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn index(v: &Value, path: &str, below: usize) -> Result<usize, FileError> {
    let n = v.as_u64().ok_or_else(|| err(path, FileProblem::WrongType("a whole number")))?;
    usize::try_from(n).ok().filter(|n| *n < below).ok_or_else(|| err(path, FileProblem::OutOfRange))
}

fn name(v: &Value, path: &str) -> Result<String, FileError> {
    let text = v.as_str().ok_or_else(|| err(path, FileProblem::WrongType("text")))?;
    if text.chars().count() > MAX_NAME_CHARS {
        return Err(err(path, FileProblem::OutOfRange));
    }
    Ok(text.to_owned())
}

/// Writes a workshop in the documented form.
pub fn to_json(plan: &Plan, w: &Workshop) -> String {
    let rounds: Vec<Value> = w
        .rounds
        .iter()
        .map(|r| {
            let owners: Map<String, Value> = plan
                .units
                .iter()
                .zip(&r.owners)
                .filter_map(|(unit, o)| {
                    let v = match (*o)? {
                        Owner::Reference => Value::from("reference"),
                        Owner::Entry(e) => Value::from(e),
                    };
                    Some((unit.id.clone(), v))
                })
                .collect();
            let entries: Vec<Value> = r.entries.iter().map(|e| json!({ "name": e.name, "code": e.code })).collect();
            json!({ "name": r.name, "mode": r.mode.as_str(), "reference": r.reference, "owners": owners, "entries": entries })
        })
        .collect();
    let doc = json!({
        "format": WORKSHOP_FORMAT,
        "version": WORKSHOP_VERSION,
        "current": w.current,
        "rounds": rounds,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads a workshop, whole or not at all.
///
/// # Errors
///
/// A [`FileError`] naming the first field that is wrong (the scenario
/// file's error, with [`FileProblem::Link`] for a code that does not open).
pub fn from_json(plan: &Plan, text: &str) -> Result<Workshop, FileError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| err("", FileProblem::NotJson(e.to_string())))?;
    let top = object(&doc, "", &["format", "version", "current", "rounds"])?;
    if top.get("format").and_then(Value::as_str) != Some(WORKSHOP_FORMAT) {
        return Err(err("format", FileProblem::WrongFormat));
    }
    match field(top, "", "version")? {
        v if v.as_u64() == Some(WORKSHOP_VERSION) => {}
        v => return Err(err("version", FileProblem::WrongVersion(v.to_string()))),
    }
    let list = field(top, "", "rounds")?.as_array().ok_or_else(|| err("rounds", FileProblem::WrongType("a list")))?;
    if list.is_empty() || list.len() > MAX_ROUNDS {
        return Err(err("rounds", FileProblem::OutOfRange));
    }
    let rounds = list
        .iter()
        .enumerate()
        .map(|(i, r)| read_round(plan, r, &format!("rounds.{i}")))
        .collect::<Result<Vec<_>, _>>()?;
    let current = index(field(top, "", "current")?, "current", rounds.len())?;
    Ok(Workshop { rounds, current })
}

fn read_round(plan: &Plan, v: &Value, path: &str) -> Result<Round, FileError> {
    let r = object(v, path, &["name", "mode", "reference", "owners", "entries"])?;
    let round_name = name(field(r, path, "name")?, &join(path, "name"))?;
    let mode = match field(r, path, "mode")?.as_str() {
        Some("pledges") => Mode::Pledges,
        Some("proposals") => Mode::Proposals,
        _ => return Err(err(join(path, "mode"), FileProblem::WrongType("\"pledges\" or \"proposals\""))),
    };
    let at = join(path, "entries");
    let list = field(r, path, "entries")?.as_array().ok_or_else(|| err(&at, FileProblem::WrongType("a list")))?;
    if list.len() > MAX_ENTRIES {
        return Err(err(&at, FileProblem::OutOfRange));
    }
    let mut entries = Vec::with_capacity(list.len());
    for (i, e) in list.iter().enumerate() {
        let at = format!("{at}.{i}");
        let e = object(e, &at, &["name", "code"])?;
        let entry_name = name(field(e, &at, "name")?, &join(&at, "name"))?;
        let code_at = join(&at, "code");
        let code = field(e, &at, "code")?.as_str().ok_or_else(|| err(&code_at, FileProblem::WrongType("text")))?;
        let state = LinkState::decode(code, plan).map_err(|e| err(&code_at, FileProblem::Link(e)))?;
        entries.push(Entry { name: entry_name, code: code.to_owned(), state });
    }
    let reference = index(field(r, path, "reference")?, &join(path, "reference"), entries.len().max(1))?;
    let at = join(path, "owners");
    let given = field(r, path, "owners")?.as_object().ok_or_else(|| err(&at, FileProblem::WrongType("an object")))?;
    let mut owners = vec![None; plan.units.len()];
    for (unit, o) in given {
        let at = format!("{at}.{unit}");
        let u = plan.unit_index(unit).ok_or_else(|| err(&at, FileProblem::Unknown))?;
        owners[u] = Some(if o.as_str() == Some("reference") {
            Owner::Reference
        } else {
            Owner::Entry(index(o, &at, entries.len())?)
        });
    }
    Ok(Round { name: round_name, entries, reference, mode, owners })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Growth, IndicatorKey, Lang, LinkError, Scenario};

    fn plan() -> Plan {
        Plan::shipped().expect("the shipped plan parses")
    }

    fn entry(plan: &Plan, name: &str, unit: usize, bp: i32) -> Entry {
        let mut s = Scenario::default_for(plan);
        s.name = name.to_owned();
        s.growth_mut(IndicatorKey::ValueAdded).set(unit, 3, Growth::from_bp(bp).expect("in range"));
        let state = LinkState { scenario: s, lang: Lang::Zh, indicator: None };
        let code = state.encode(plan);
        // What a code opens to: the view it was written with.
        let state = LinkState::decode(&code, plan).expect("opens");
        Entry { name: name.to_owned(), code, state }
    }

    fn workshop(plan: &Plan) -> Workshop {
        let first = Round {
            name: "第1轮".into(),
            entries: vec![entry(plan, "第一桌", 0, 3000)],
            reference: 0,
            mode: Mode::Proposals,
            owners: vec![None; plan.units.len()],
        };
        let mut owners = vec![None; plan.units.len()];
        owners[3] = Some(Owner::Entry(1));
        owners[5] = Some(Owner::Reference);
        let second = Round {
            name: "第2轮".into(),
            entries: vec![
                entry(plan, "市局", 0, 2950),
                entry(plan, "南乐县", 3, 3300),
                entry(plan, "也报南乐", 3, 3400),
            ],
            reference: 0,
            mode: Mode::Pledges,
            owners,
        };
        Workshop { rounds: vec![first, second], current: 1 }
    }

    #[test]
    fn a_workshop_reads_back_what_it_wrote() {
        let plan = plan();
        let w = workshop(&plan);
        let text = to_json(&plan, &w);
        assert!(text.contains(r#""nanle": 1"#) && text.contains(r#""taiqian": "reference""#), "{text}");
        assert_eq!(from_json(&plan, &text), Ok(w));
    }

    #[test]
    fn ownership_follows_the_facilitator_then_the_claims() {
        let plan = plan();
        let mut round = workshop(&plan).rounds.remove(1);
        let o = round.ownership(&plan);
        // Hualong: only 市局 changed it. Nanle: chosen by hand. Taiqian: the reference by hand.
        assert_eq!((o.owners[0], o.owners[3], o.owners[5], o.owners[6]), (Some(0), Some(1), None, None));
        assert!(o.disputed.iter().all(Vec::is_empty));
        // Without the hand choice, two entries claim Nanle: the first is taken, both are shown.
        round.owners[3] = None;
        let o = round.ownership(&plan);
        assert_eq!((o.owners[3], o.disputed[3].clone()), (Some(1), vec![1, 2]));
    }

    /// A change made to a good file.
    type Change = Box<dyn Fn(&mut Value)>;

    #[test]
    fn a_summary_counts_the_proposals_that_reach_each_target_and_judges_the_pledges() {
        let plan = plan();
        let round = workshop(&plan).rounds.remove(1);
        let sum = round.summary(&plan);
        assert_eq!(sum.entries, 3);
        // Value added 2026: the plan path's 29.40 % just doubles; 市局 sets
        // Hualong to 29.50 %, 南乐县 and 也报南乐 Nanle to 33 % and 34 %: all
        // above it, so every entry reaches every target.
        assert_eq!(sum.meets[IndicatorKey::ValueAdded.index()], 3);
        assert_eq!(sum.meets, [3, 3, 3, 3]);
        assert_eq!(sum.all_four, 3);
        let composed = sum.composed.expect("a reference");
        let va = &composed[IndicatorKey::ValueAdded.index()];
        assert_eq!(va.status, Status::Met);
        assert!(sum.not_doubled.iter().all(Vec::is_empty));
        // Nanle comes from 南乐县 (chosen by hand): 33 % in 2026.
        let c = round.composed(&plan).expect("a reference");
        assert_eq!(c.growth(IndicatorKey::ValueAdded).get(3, 3), Growth::from_bp(3300).ok());
        // An entry that misses: Hualong at 10 % in 2026 does not double.
        let mut low = round.clone();
        low.entries[0] = entry(&plan, "市局", 0, 1000);
        let sum = low.summary(&plan);
        assert_eq!(sum.meets[IndicatorKey::ValueAdded.index()], 2);
        assert_eq!(sum.all_four, 2);
        assert_eq!(sum.not_doubled[IndicatorKey::ValueAdded.index()], vec![0]);
    }

    #[test]
    fn entries_are_added_once_and_removed_or_moved_with_their_reference_and_owners() {
        let plan = plan();
        let mut round = workshop(&plan).rounds.remove(1);
        let again = entry(&plan, "南乐县", 3, 3300);
        let mut other = entry(&plan, "", 8, 3100).state;
        other.lang = Lang::En;
        let found = vec![(again.code.clone(), again.state.clone()), ("X".into(), other)];
        let added = round.add(found, |n| format!("方案{n}"));
        assert_eq!(added, Added { added: 1, duplicates: 1, over: 0 });
        assert_eq!(round.entries[3].name, "方案4");
        // Nanle is owned by entry 1 (by hand); 1 and 2 swap, the owner follows.
        round.swap(1, 2);
        assert_eq!(round.owners[3], Some(Owner::Entry(2)));
        assert_eq!(round.entries[2].name, "南乐县");
        // The reference (0) removed: the first entry is the reference, owner 2 is 1.
        round.remove(0);
        assert_eq!((round.reference, round.owners[3]), (0, Some(Owner::Entry(1))));
        round.remove(1);
        assert_eq!(round.owners[3], None);
        assert_eq!(round.entries.len(), 2);
        let mut w = workshop(&plan);
        assert!(w.new_round("第3轮".into()));
        assert_eq!((w.current, w.round().entries.len(), w.round().mode), (2, 0, Mode::Pledges));
    }

    #[test]
    fn the_references_own_changes_yield_to_another_pledge() {
        let plan = plan();
        let mut round = workshop(&plan).rounds.remove(1);
        // The reference changes Nanle too: Nanle is not disputed, 南乐县 and 也报南乐 still are.
        round.entries[0] = entry(&plan, "市局", 3, 2950);
        round.owners = vec![None; plan.units.len()];
        let o = round.ownership(&plan);
        assert_eq!((o.owners[3], o.disputed[3].clone()), (Some(1), vec![1, 2]));
        round.entries.truncate(2);
        let o = round.ownership(&plan);
        assert_eq!((o.owners[3], o.disputed[3].clone()), (Some(1), vec![]));
    }

    #[test]
    fn a_bad_file_is_refused_whole_naming_the_field() {
        let plan = plan();
        let good: Value = serde_json::from_str(&to_json(&plan, &workshop(&plan))).expect("json");
        let cases: Vec<(Change, &str, FileProblem)> = vec![
            (Box::new(|d| d["format"] = "x".into()), "format", FileProblem::WrongFormat),
            (Box::new(|d| d["version"] = 2.into()), "version", FileProblem::WrongVersion("2".into())),
            (Box::new(|d| d["extra"] = 1.into()), "extra", FileProblem::Unknown),
            (Box::new(|d| d["current"] = 2.into()), "current", FileProblem::OutOfRange),
            (Box::new(|d| d["rounds"] = json!([])), "rounds", FileProblem::OutOfRange),
            (
                Box::new(|d| d["rounds"][1]["mode"] = "vote".into()),
                "rounds.1.mode",
                FileProblem::WrongType("\"pledges\" or \"proposals\""),
            ),
            (Box::new(|d| d["rounds"][1]["reference"] = 3.into()), "rounds.1.reference", FileProblem::OutOfRange),
            (Box::new(|d| d["rounds"][1]["owners"]["xian"] = 0.into()), "rounds.1.owners.xian", FileProblem::Unknown),
            (
                Box::new(|d| d["rounds"][1]["owners"]["nanle"] = 7.into()),
                "rounds.1.owners.nanle",
                FileProblem::OutOfRange,
            ),
            (
                Box::new(|d| d["rounds"][1]["entries"][2]["code"] = "BAAAAAAAAAAAAAzIYex".into()),
                "rounds.1.entries.2.code",
                FileProblem::Link(LinkError::Checksum),
            ),
            (
                Box::new(|d| d["rounds"][0]["entries"][0]["name"] = 5.into()),
                "rounds.0.entries.0.name",
                FileProblem::WrongType("text"),
            ),
            (
                Box::new(|d| d["rounds"][0]["entries"][0]["colour"] = 5.into()),
                "rounds.0.entries.0.colour",
                FileProblem::Unknown,
            ),
            (
                Box::new(|d| {
                    d["rounds"][0].as_object_mut().map(|r| r.remove("entries"));
                }),
                "rounds.0.entries",
                FileProblem::Missing,
            ),
        ];
        for (change, path, problem) in cases {
            let mut doc = good.clone();
            change(&mut doc);
            let e = from_json(&plan, &doc.to_string()).expect_err(path);
            assert_eq!((e.path.as_str(), e.problem), (path, problem));
        }
        assert!(matches!(from_json(&plan, "{").map_err(|e| e.problem), Err(FileProblem::NotJson(_))));
    }
}
