//! The words of uncertainty: probabilities, calibrated likelihood words,
//! growth ranges and the model they come from, in both languages.

use crate::model::uncertainty::{Chance, Likelihood, RangeError, RangeTextError, DRAWS};
use crate::model::NumberError;

use super::Lang;

/// Every fixed string about uncertainty.
pub struct ChanceStrings {
    pub toggle: &'static str,
    pub toggle_hint: &'static str,
    pub chance: &'static str,
    pub doubling: &'static str,
    /// In [`Likelihood::ALL`] order.
    pub words: [&'static str; 7],
    pub fan_outer: &'static str,
    pub fan_inner: &'static str,
    pub fan_median: &'static str,
    pub multiple_range: &'static str,
    pub certain: &'static str,
    pub loading: &'static str,
}

/// The strings of the ranges panel alone (the extras wasm), kept apart so
/// that the page's own wasm does not carry them.
pub struct RangeStrings {
    pub floor_met: &'static str,
    pub legend_heading: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub model_heading: &'static str,
    /// The model in plain words, one paragraph each.
    pub model: [&'static str; 4],
    pub rho_label: &'static str,
    pub rho_hint: &'static str,
    pub phi_label: &'static str,
    pub phi_hint: &'static str,
    pub bulk_label: &'static str,
    pub bulk_apply: &'static str,
    pub syntax_hint: &'static str,
    pub err_negative: &'static str,
    pub err_too_wide: &'static str,
    pub err_coefficient: &'static str,
    pub clipped: &'static str,
    pub reported: &'static str,
    pub confidence_heading: &'static str,
    pub confidence_label: &'static str,
    pub confidence_unreachable: &'static str,
    pub confidence_reported: &'static str,
    pub confidence_range: &'static str,
    pub confidence_apply: &'static str,
    pub solve_confident: &'static str,
}

static ZH: ChanceStrings = ChanceStrings {
    toggle: "达标概率",
    toggle_hint: "为每个未公布年份的增速设定区间，显示达到各项目标的概率",
    chance: "达标概率",
    doubling: "翻番概率",
    words: ["几乎确定", "很可能", "可能", "大致相当", "不太可能", "很不可能", "几乎不可能"],
    fan_outer: "90%区间",
    fan_inner: "50%区间",
    fan_median: "中位数",
    multiple_range: "90%区间",
    certain: "未设区间：结果确定",
    loading: "正在加载区间设置…",
};

static ZH_RANGES: RangeStrings = RangeStrings {
    floor_met: "达底线",
    legend_heading: "概率用语",
    heading: "增速区间",
    intro: "滑块上的数值是最可能的增速；区间给出它可能偏离的范围（5%～95%分位）。已公布年份没有区间。",
    model_heading: "模型说明",
    model: [
        "每个单元格的区间是一个以最可能增速为中心的正态分布的90%区间（第5至第95百分位）：σ = 半宽 ÷ 1.6449；上下半宽不同时，两侧各用各的σ（两段正态分布）。抽到的增速限制在 −30%～150%。",
        "增速 = 最可能增速 + σ × z，其中 z = √ρ × 当年共同冲击 + √(1 − ρ) × 本单位冲击：ρ 越大，各单位同年越一起偏高或偏低。",
        "从第一个未公布年份起，两种冲击都逐年延续：今年的冲击 = φ × 上年的冲击 + √(1 − φ²) × 新的独立标准正态数；φ 越大，偏高的一年之后越可能仍然偏高。",
        "每项指标独立抽样10000次（固定随机种子，每次调整滑块都用同一组随机数），概率即达到目标的抽样次数所占比例。未分配部分（市直、其他）按同样方式抽样。",
    ],
    rho_label: "同年共同冲击 ρ",
    rho_hint: "0～1，默认 0.5",
    phi_label: "逐年延续 φ",
    phi_hint: "0～1，默认 0.3",
    bulk_label: "区间（±百分点）",
    bulk_apply: "应用区间",
    syntax_hint: "输入 3 表示 ±3 个百分点；输入 2/4 表示低于最可能值 2 个百分点、高于 4 个百分点（非对称）。",
    err_negative: "半宽不能为负（低值不能高于最可能值，高值不能低于最可能值）",
    err_too_wide: "半宽不能超过 180 个百分点",
    err_coefficient: "须在 0 和 1 之间",
    clipped: "区间超出增速范围（−30%～150%），抽样时截断",
    reported: "已公布",
    confidence_heading: "按把握求增速",
    confidence_label: "达标把握（%）",
    confidence_unreachable: "即使目标年增速达到 150% 也达不到这一把握。",
    confidence_reported: "目标年已公布，无需再求增速。",
    confidence_range: "须在 1 和 99.9 之间",
    confidence_apply: "设为该增速",
    solve_confident: "按把握求解：目标与各单位翻番的概率均不低于（%）",
};

static EN: ChanceStrings = ChanceStrings {
    toggle: "Probabilities",
    toggle_hint: "Give each open year's growth a range and see the probability of reaching each target",
    chance: "Chance of reaching",
    doubling: "Chance of doubling",
    words: [
        "virtually certain",
        "very likely",
        "likely",
        "about as likely as not",
        "unlikely",
        "very unlikely",
        "exceptionally unlikely",
    ],
    fan_outer: "90% range",
    fan_inner: "50% range",
    fan_median: "median",
    multiple_range: "90% range",
    certain: "no range set: the outcome is certain",
    loading: "Loading the range settings…",
};

static EN_RANGES: RangeStrings = RangeStrings {
    floor_met: "meets floor",
    legend_heading: "Likelihood words",
    heading: "Growth ranges",
    intro: "A slider sets the likely growth; its range says how far it may stray (5th to 95th percentile). Reported years carry no range.",
    model_heading: "The model",
    model: [
        "A cell's range is the 90 % interval (5th to 95th percentile) of a normal distribution centred on the likely growth: σ = half-width ÷ 1.6449, with a σ of its own on each side when the two half-widths differ (a two-piece normal). A drawn growth is held to −30 … 150 %.",
        "Growth = likely growth + σ × z, where z = √ρ × the year's common shock + √(1 − ρ) × the unit's own shock: the larger ρ, the more units run high or low together in a year.",
        "From the first open year on, both shocks persist: this year's shock = φ × last year's + √(1 − φ²) × a fresh independent standard normal; the larger φ, the likelier a high year is followed by another.",
        "Each indicator is drawn 10,000 times on its own (a fixed seed; every slider step reuses the same random numbers), and a probability is the share of draws that reach the goal. The unallocated part is drawn the same way.",
    ],
    rho_label: "Common shock within a year ρ",
    rho_hint: "0 … 1, default 0.5",
    phi_label: "Persistence across years φ",
    phi_hint: "0 … 1, default 0.3",
    bulk_label: "Range (± points)",
    bulk_apply: "Apply range",
    syntax_hint: "Type 3 for ±3 points; 2/4 for 2 points below the likely growth and 4 above (asymmetric).",
    err_negative: "a half-width cannot be negative (the low cannot lie above the likely growth, nor the high below it)",
    err_too_wide: "a half-width cannot exceed 180 points",
    err_coefficient: "must lie between 0 and 1",
    clipped: "the range reaches past the growth range (−30 … 150 %); draws are clipped there",
    reported: "reported",
    confidence_heading: "Growth for a confidence",
    confidence_label: "Confidence of reaching (%)",
    confidence_unreachable: "Not reached with this confidence even at 150 % growth in the target year.",
    confidence_reported: "The target year is reported: there is no growth left to seek.",
    confidence_range: "must lie between 1 and 99.9",
    confidence_apply: "Set this growth",
    solve_confident: "Solve for a confidence: the target and every unit's doubling each at least (%)",
};

impl Lang {
    /// The fixed strings about uncertainty.
    pub fn c(self) -> &'static ChanceStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The strings of the ranges panel.
    pub fn r(self) -> &'static RangeStrings {
        match self {
            Lang::Zh => &ZH_RANGES,
            Lang::En => &EN_RANGES,
        }
    }

    /// The calibrated words for `p`.
    pub fn likelihood(self, p: f64) -> &'static str {
        let band = Likelihood::of(p);
        let i = Likelihood::ALL.iter().position(|b| *b == band).unwrap_or(0);
        self.c().words[i]
    }

    /// The legend line of one band: ≥ 90 %：很可能.
    pub fn likelihood_band(self, band: Likelihood) -> String {
        let i = Likelihood::ALL.iter().position(|b| *b == band).unwrap_or(0);
        let word = self.c().words[i];
        let next = i.checked_sub(1).and_then(|j| Likelihood::ALL[j].from_percent());
        match (band.from_percent(), next) {
            (Some(lo), Some(hi)) => format!("{lo}–{hi}%{}{word}", self.colon()),
            (Some(lo), None) => format!("≥{lo}%{}{word}", self.colon()),
            (None, _) => format!("<1%{}{word}", self.colon()),
        }
    }

    /// A frequency for a chance: 100次中约68次.
    pub fn frequency(self, c: Chance) -> String {
        let n = percent(c.p);
        match (self, c.uncertain, n) {
            (_, false, _) => self.c().certain.to_owned(),
            (Lang::Zh, _, 0) => "100次中不到1次".to_owned(),
            (Lang::Zh, _, 100) => "100次中超过99次".to_owned(),
            (Lang::Zh, _, n) => format!("100次中约{n}次"),
            (Lang::En, _, 0) => "fewer than 1 in 100".to_owned(),
            (Lang::En, _, 100) => "more than 99 in 100".to_owned(),
            (Lang::En, _, n) => format!("about {n} in 100"),
        }
    }

    /// The Monte Carlo standard error in words, for a tooltip.
    pub fn standard_error(self, c: Chance) -> String {
        let se = crate::format::fixed(c.standard_error() * 100.0, 2);
        match self {
            Lang::Zh => format!("蒙特卡洛标准误 ±{se} 个百分点（{DRAWS}次抽样）"),
            Lang::En => format!("Monte Carlo standard error ±{se} points ({} draws)", "10,000"),
        }
    }

    /// What goal seek under uncertainty found: 要有 80% 的把握达标，2026年各单位最可能增速需达到 31.25%（现为 29.40%）。
    pub fn confidence_answer(self, confidence: &str, year: u16, needed: &str, now: &str) -> String {
        match self {
            Lang::Zh => format!("要有 {confidence}% 的把握达标，{year}年各单位最可能增速需达到 {needed}%（现为 {now}）。"),
            Lang::En => format!(
                "For a {confidence}% chance of reaching the target, every unit's likely growth in {year} must be {needed}% (now {now})."
            ),
        }
    }

    /// The briefing's line on how the probabilities were drawn: the ranges
    /// (one figure when every open cell has the same symmetric range), ρ and
    /// φ.
    pub fn briefing_model(self, common: Option<&str>, rho: &str, phi: &str) -> String {
        match (self, common) {
            (Lang::Zh, Some(h)) => format!("各未公布年份的增速区间均为 ±{h} 个百分点；同年共同冲击 ρ = {rho}，逐年延续 φ = {phi}；每项指标10000次抽样（固定随机种子）。"),
            (Lang::Zh, None) => format!("各未公布年份的增速区间按单元格设定（见链接）；同年共同冲击 ρ = {rho}，逐年延续 φ = {phi}；每项指标10000次抽样（固定随机种子）。"),
            (Lang::En, Some(h)) => format!("Every open year's growth has a range of ±{h} points; common shock within a year ρ = {rho}, persistence across years φ = {phi}; 10,000 draws per indicator (a fixed seed)."),
            (Lang::En, None) => format!("Open years' growth ranges are set cell by cell (see the link); common shock within a year ρ = {rho}, persistence across years φ = {phi}; 10,000 draws per indicator (a fixed seed)."),
        }
    }

    /// Why a range's text was refused.
    pub fn range_problem(self, e: &RangeTextError) -> String {
        let (s, c) = (self.s(), self.r());
        match e {
            RangeTextError::Number(NumberError::Empty) => s.err_empty.to_owned(),
            RangeTextError::Number(NumberError::NotANumber(t)) => format!("{} “{t}”", s.err_not_number),
            RangeTextError::Range(RangeError::Negative) => c.err_negative.to_owned(),
            RangeTextError::Range(RangeError::TooWide) => c.err_too_wide.to_owned(),
            RangeTextError::Range(RangeError::Coefficient) => c.err_coefficient.to_owned(),
            RangeTextError::Range(RangeError::NotANumber) => s.err_not_number.to_owned(),
        }
    }
}

/// A probability in whole percent, 0 … 100.
fn percent(p: f64) -> u8 {
    // Clamped to 0 … 100.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = (p * 100.0).round().clamp(0.0, 100.0) as u8;
    n
}

/// A probability as the page shows it: `68%`; never `0%` or `100%` while
/// chance plays a part (`<1%`, `>99%`).
pub fn probability_text(c: Chance) -> String {
    match (c.uncertain, percent(c.p)) {
        (true, 0) => "<1%".to_owned(),
        (true, 100) => ">99%".to_owned(),
        (_, n) => format!("{n}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_never_read_as_certain_while_a_range_is_set() {
        let c = |p, uncertain| Chance { p, uncertain };
        assert_eq!(probability_text(c(0.0, true)), "<1%");
        assert_eq!(probability_text(c(0.004, true)), "<1%");
        assert_eq!(probability_text(c(0.006, true)), "1%");
        assert_eq!(probability_text(c(0.6789, true)), "68%");
        assert_eq!(probability_text(c(0.995, true)), ">99%");
        assert_eq!(probability_text(c(1.0, true)), ">99%");
        assert_eq!(probability_text(c(1.0, false)), "100%");
        assert_eq!(probability_text(c(0.0, false)), "0%");
        assert_eq!(Lang::Zh.frequency(c(0.6789, true)), "100次中约68次");
        assert_eq!(Lang::En.frequency(c(0.001, true)), "fewer than 1 in 100");
        assert_eq!(Lang::Zh.likelihood(0.68), "可能");
        assert_eq!(Lang::En.likelihood(0.95), "very likely");
        assert_eq!(Lang::Zh.likelihood_band(Likelihood::VirtuallyCertain), "≥99%：几乎确定");
        assert_eq!(Lang::Zh.likelihood_band(Likelihood::Likely), "66–90%：可能");
        assert_eq!(Lang::En.likelihood_band(Likelihood::ExceptionallyUnlikely), "<1%: exceptionally unlikely");
    }
}
