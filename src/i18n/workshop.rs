//! The words of the workshop view (工作坊汇总), in both languages: only the
//! extras wasm, which renders the view, uses them.

use crate::format;
use crate::model::workshop::median_scenario;
use crate::model::workshop::store::{Added, Mode, Round, RoundSummary};
use crate::model::{judge_all, IndicatorKey, Plan, Requirement, Status};

use super::Lang;

/// Every fixed string of the workshop view.
pub struct WorkshopStrings {
    pub heading: &'static str,
    pub intro: &'static str,
    pub rounds_label: &'static str,
    pub new_round: &'static str,
    pub collect_heading: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    pub paste_add: &'static str,
    pub paste_none: &'static str,
    pub images_label: &'static str,
    pub images_reading: &'static str,
    pub camera: &'static str,
    pub camera_hint: &'static str,
    pub camera_insecure: &'static str,
    pub camera_missing: &'static str,
    pub camera_denied: &'static str,
    pub camera_failed: &'static str,
    pub camera_instead: &'static str,
    pub add_current: &'static str,
    pub file_export: &'static str,
    pub file_import: &'static str,
    pub entries_heading: &'static str,
    pub empty: &'static str,
    pub col_name: &'static str,
    pub col_doubled: &'static str,
    pub col_breaches: &'static str,
    pub col_reference: &'static str,
    pub col_actions: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub open: &'static str,
    pub compare: &'static str,
    pub remove: &'static str,
    pub mode_label: &'static str,
    pub mode_pledges: &'static str,
    pub mode_proposals: &'static str,
    pub owners_heading: &'static str,
    pub owner_col: &'static str,
    pub not_pledged: &'static str,
    pub pledged_cols: &'static str,
    pub combined_heading: &'static str,
    pub open_combined: &'static str,
    pub combined_link: &'static str,
    pub misses_heading: &'static str,
    pub no_misses: &'static str,
    pub meets_heading: &'static str,
    pub median_heading: &'static str,
    pub median_intro: &'static str,
    pub open_median: &'static str,
    pub median_link: &'static str,
    pub spread_heading: &'static str,
    pub spread_cols: [&'static str; 8],
    pub versus_heading: &'static str,
    pub versus_gap: &'static str,
    pub versus_missing: &'static str,
    pub record_heading: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub print: &'static str,
    pub csv: &'static str,
    pub xlsx: &'static str,
    pub briefing_title: &'static str,
    pub qr_alt: &'static str,
    pub storage_off: &'static str,
    pub nothing_yet: &'static str,
    pub image_no_code: &'static str,
    pub image_not_image: &'static str,
    pub decoder_failed: &'static str,
    pub decode_failed: &'static str,
    pub storage_kept: &'static str,
    pub stored_unreadable: &'static str,
    pub imported: &'static str,
    pub import_refused: &'static str,
    pub disputed: &'static str,
    pub miss_doubling: &'static str,
    pub miss_floor: &'static str,
    pub all_four: &'static str,
    pub reach: &'static str,
    pub spread_indicator: &'static str,
    pub round_started: &'static str,
    pub rounds_full: &'static str,
    pub refused_heading: &'static str,
    pub scanning: &'static str,
    pub presenting_meets: &'static str,
}

static ZH: WorkshopStrings = WorkshopStrings {
    heading: "工作坊汇总",
    intro: "收集各桌发回的情景链接或二维码：按单位认领合成全市结果，或把各方案并列比较。全部在本浏览器内完成，不上传任何数据。",
    rounds_label: "轮次",
    new_round: "开始新一轮",
    collect_heading: "收集方案",
    paste_label: "粘贴聊天记录、邮件或链接清单",
    paste_placeholder: "把微信群聊天记录整段粘贴到这里，其中的情景链接会被逐一识别",
    paste_add: "识别并添加",
    paste_none: "这段文字里没有找到情景链接。",
    images_label: "打开二维码图片（可多选）",
    images_reading: "正在识别图片中的二维码…",
    camera: "用摄像头扫码",
    camera_hint: "把手机上的二维码对准摄像头，识别到的方案会自动加入；再次点击按钮停止扫码。",
    camera_insecure: "摄像头只能在安全连接（https 或本机地址）下使用。",
    camera_missing: "此浏览器或设备没有可用的摄像头。",
    camera_denied: "摄像头权限被拒绝。",
    camera_failed: "摄像头无法启动：",
    camera_instead: "请改用粘贴链接或打开二维码图片。",
    add_current: "添加当前情景",
    file_export: "导出工作坊文件",
    file_import: "导入工作坊文件",
    entries_heading: "本轮方案",
    empty: "本轮还没有方案：粘贴链接、打开二维码图片、扫码，或添加当前情景。",
    col_name: "方案",
    col_doubled: "翻番单位",
    col_breaches: "低于底线",
    col_reference: "参照",
    col_actions: "操作",
    up: "上移",
    down: "下移",
    open: "打开",
    compare: "作为B对比",
    remove: "移除",
    mode_label: "汇总方式",
    mode_pledges: "按单位认领",
    mode_proposals: "各方案并列",
    owners_heading: "各单位认领",
    owner_col: "取自",
    not_pledged: "未认领（沿用参照方案）",
    pledged_cols: "四项指标",
    combined_heading: "汇总结果（各单位认领合成）",
    open_combined: "在主视图打开汇总情景",
    combined_link: "汇总情景链接",
    misses_heading: "未达要求的认领",
    no_misses: "所有认领都实现翻番并达到增速底线。",
    meets_heading: "达到各项目标的方案数",
    median_heading: "中位数方案",
    median_intro: "逐个单元格取各方案增速的中位数（偶数个时取中间两个的平均，四舍五入到0.01个百分点）。",
    open_median: "在主视图打开中位数方案",
    median_link: "中位数方案链接",
    spread_heading: "各单元格增速分布",
    spread_cols: ["单位", "年份", "最小", "下四分位", "中位数", "上四分位", "最大", "改动方案数"],
    versus_heading: "轮次对比",
    versus_gap: "汇总结果与目标之差",
    versus_missing: "（本轮没有）",
    record_heading: "会议纪要",
    copy: "复制纪要",
    copied: "已复制到剪贴板。",
    copy_failed: "浏览器不允许复制，请手动选中文字复制。",
    print: "打印汇总简报",
    csv: "导出 CSV",
    xlsx: "导出 XLSX",
    briefing_title: "工作坊汇总简报",
    qr_alt: "情景链接二维码",
    storage_off: "无法保存到本浏览器：",
    nothing_yet: "工作坊保留在本页，可导出为文件。",
    image_no_code: "没有识别出二维码",
    image_not_image: "不是可读取的图片",
    decoder_failed: "二维码识别组件无法加载，请检查网络连接后重试：",
    decode_failed: "识别出错，识别组件已重新启动，可再试一次：",
    storage_kept: "浏览器中无法读取的旧工作坊未能另存；为免覆盖，本页暂不保存工作坊，请导出文件保存。",
    stored_unreadable: "浏览器中保存的工作坊无法读取，已另存，当前从空白开始：",
    imported: "已导入工作坊文件：",
    import_refused: "未导入，当前工作坊保持不变：",
    disputed: "多个方案认领了这个单位，请选择：",
    miss_doubling: "未实现翻番",
    miss_floor: "低于增速底线",
    all_four: "全部四项",
    reach: "达到",
    spread_indicator: "指标",
    round_started: "已开始新一轮，之前各轮保留可对比：",
    rounds_full: "轮次已达上限，无法再增加。",
    refused_heading: "无法打开的链接或图片",
    scanning: "正在扫码…",
    presenting_meets: "达到目标的方案",
};

static EN: WorkshopStrings = WorkshopStrings {
    heading: "Workshop",
    intro: "Gather the scenario links or QR codes the tables send back: combine each unit's pledge into one city result, or set the proposals side by side. All in this browser; nothing is uploaded.",
    rounds_label: "Rounds",
    new_round: "Start a new round",
    collect_heading: "Collect",
    paste_label: "Paste a chat, an email or a list of links",
    paste_placeholder: "Paste a whole WeChat chat here: every scenario link in it is found",
    paste_add: "Find and add",
    paste_none: "No scenario link was found in this text.",
    images_label: "Open QR code images (several at once)",
    images_reading: "Reading the QR codes in the images…",
    camera: "Scan with the camera",
    camera_hint: "Hold the phone's QR code to the camera: each scenario read is added. Press the button again to stop.",
    camera_insecure: "The camera works only over a secure connection (https or this machine).",
    camera_missing: "This browser or device has no camera it can use.",
    camera_denied: "Camera permission was refused.",
    camera_failed: "The camera could not start: ",
    camera_instead: "Paste the links or open images of the QR codes instead.",
    add_current: "Add the scenario on screen",
    file_export: "Export workshop file",
    file_import: "Import workshop file",
    entries_heading: "This round's scenarios",
    empty: "No scenario in this round yet: paste links, open QR images, scan, or add the scenario on screen.",
    col_name: "Scenario",
    col_doubled: "Units doubled",
    col_breaches: "Below floor",
    col_reference: "Reference",
    col_actions: "Actions",
    up: "Up",
    down: "Down",
    open: "Open",
    compare: "Compare as B",
    remove: "Remove",
    mode_label: "Combine",
    mode_pledges: "Pledges by unit",
    mode_proposals: "Proposals side by side",
    owners_heading: "Who speaks for each unit",
    owner_col: "Taken from",
    not_pledged: "Not pledged (reference)",
    pledged_cols: "Four indicators",
    combined_heading: "Combined result (each unit's pledge)",
    open_combined: "Open the combined scenario",
    combined_link: "Combined scenario link",
    misses_heading: "Pledges that fall short",
    no_misses: "Every pledge doubles and meets its floors.",
    meets_heading: "Proposals reaching each target",
    median_heading: "Median scenario",
    median_intro: "Each cell is the median of the proposals' growth (for an even count the mean of the two middle values, rounded to 0.01 point).",
    open_median: "Open the median scenario",
    median_link: "Median scenario link",
    spread_heading: "Spread of growth per cell",
    spread_cols: ["Unit", "Year", "Min", "Lower quartile", "Median", "Upper quartile", "Max", "Entries changing it"],
    versus_heading: "Round against round",
    versus_gap: "Combined result against target",
    versus_missing: "(not in this round)",
    record_heading: "For the meeting record",
    copy: "Copy",
    copied: "Copied to the clipboard.",
    copy_failed: "The browser does not allow copying; select the text and copy it by hand.",
    print: "Print workshop briefing",
    csv: "Export CSV",
    xlsx: "Export XLSX",
    briefing_title: "Workshop briefing",
    qr_alt: "QR code of the scenario link",
    storage_off: "The workshop could not be kept in this browser: ",
    nothing_yet: "It stays on this page and can be exported as a file.",
    image_no_code: "no QR code could be read",
    image_not_image: "not an image that can be read",
    decoder_failed: "The QR decoder could not be loaded; check the connection and try again: ",
    decode_failed: "reading failed; the decoder was restarted, try again: ",
    storage_kept: "The unreadable workshop in this browser could not be set aside; so as not to overwrite it, this page does not store the workshop: export it as a file.",
    stored_unreadable: "The workshop kept in this browser could not be read; it was set aside and this one starts empty: ",
    imported: "Workshop file imported: ",
    import_refused: "Not imported; the workshop on screen is unchanged: ",
    disputed: "Several scenarios claim this unit; choose one: ",
    miss_doubling: "does not double",
    miss_floor: "below the floor",
    all_four: "All four",
    reach: "reach it",
    spread_indicator: "Indicator",
    round_started: "A new round has started; the earlier ones are kept to compare: ",
    rounds_full: "The workshop has as many rounds as it can hold.",
    refused_heading: "Links or images that could not be opened",
    scanning: "Scanning…",
    presenting_meets: "Proposals reaching the target",
};

impl Lang {
    /// The workshop view's strings.
    pub fn w(self) -> &'static WorkshopStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A round's default name: 第2轮 / Round 2.
    pub fn round_name(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("第{n}轮"),
            Lang::En => format!("Round {n}"),
        }
    }

    /// An entry's default name: 方案3 / Scenario 3.
    pub fn entry_name(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("方案{n}"),
            Lang::En => format!("Scenario {n}"),
        }
    }

    /// What adding scenarios did, or `None` when nothing came.
    pub fn added_text(self, a: Added, refused: usize) -> Option<String> {
        if a.added + a.duplicates + a.over + refused == 0 {
            return None;
        }
        let mut parts = Vec::new();
        match self {
            Lang::Zh => {
                parts.push(format!("已添加{}个方案", a.added));
                if a.duplicates > 0 {
                    parts.push(format!("{}个重复的已合并", a.duplicates));
                }
                if a.over > 0 {
                    parts.push(format!("{}个因本轮已满未添加", a.over));
                }
                if refused > 0 {
                    parts.push(format!("{refused}个无法打开（见下）"));
                }
                Some(parts.join("，") + "。")
            }
            Lang::En => {
                parts.push(format!("{} added", a.added));
                if a.duplicates > 0 {
                    parts.push(format!("{} duplicates merged", a.duplicates));
                }
                if a.over > 0 {
                    parts.push(format!("{} left out: the round is full", a.over));
                }
                if refused > 0 {
                    parts.push(format!("{refused} could not be opened (below)"));
                }
                Some(parts.join(", ") + ".")
            }
        }
    }

    /// How many of `of` proposals reach a target: "9/12个方案" / "9 of 12".
    pub fn meets_text(self, n: usize, of: usize) -> String {
        match self {
            Lang::Zh => format!("{n}/{of}个方案"),
            Lang::En => format!("{n} of {of}"),
        }
    }

    /// The growth the unpledged units would need.
    pub fn unpledged_need(self, need: Option<Requirement>) -> String {
        let zh = self == Lang::Zh;
        match need {
            None => (if zh { "所有单位均已认领。" } else { "Every unit is pledged." }).to_owned(),
            Some(Requirement::AlreadyMet) => (if zh {
                "已达到目标，未认领单位无需更高增速。"
            } else {
                "Met: the unpledged units need no more growth."
            })
            .to_owned(),
            Some(r @ (Requirement::Growth(p) | Requirement::AboveRange(p))) => {
                let p = format::required_rate(p);
                let beyond = matches!(r, Requirement::AboveRange(_));
                match (zh, beyond) {
                    (true, false) => format!("未认领单位在目标年份均需增长{p}。"),
                    (true, true) => format!("未认领单位在目标年份均需增长{p}，超出增速上限150%，无法弥补。"),
                    (false, false) => format!("The unpledged units would each need {p} in the target year."),
                    (false, true) => {
                        format!("The unpledged units would each need {p} in the target year, beyond the 150% limit: out of reach.")
                    }
                }
            }
            Some(Requirement::Unreachable) => (if zh {
                "未认领单位无法弥补（目标年份已公布或无基数）。"
            } else {
                "The unpledged units cannot make it up (the target year is reported, or they have no base)."
            })
            .to_owned(),
        }
    }

    /// The paragraph for the meeting record: how many scenarios came and
    /// how many reach all four targets; in pledges mode the combined
    /// result of each target and the units that miss their doubling; in
    /// proposals mode how many reach each target.
    pub fn workshop_summary(self, plan: &Plan, round: &Round, sum: &RoundSummary) -> String {
        let zh = self == Lang::Zh;
        let mut out = if zh {
            format!("{}共收到{}个方案，其中{}个实现全部四项目标", round.name, sum.entries, sum.all_four)
        } else {
            format!(
                "{}: {} scenario{} received, {} of them reaching all four targets",
                round.name,
                sum.entries,
                if sum.entries == 1 { "" } else { "s" },
                sum.all_four
            )
        };
        if sum.entries == 0 {
            out.push_str(self.stop());
            return out;
        }
        if let (Mode::Pledges, Some(verdicts)) = (round.mode, &sum.composed) {
            out.push_str(if zh { "；汇总各单位认领后，" } else { "; with each unit's pledge combined, " });
            let parts: Vec<String> = verdicts
                .iter()
                .map(|v| {
                    let ind = plan.indicator(v.indicator);
                    let gap = v.gap();
                    let (amount, margin) = (format::yi(v.projected), format::yi(gap.abs()));
                    match (zh, v.status == Status::Met) {
                        (true, true) => {
                            format!("{}年{}预计{amount}亿元，超过目标{margin}亿元", v.target_year, ind.short_zh)
                        }
                        (true, false) => {
                            format!("{}年{}预计{amount}亿元，低于目标{margin}亿元", v.target_year, ind.short_zh)
                        }
                        (false, true) => format!(
                            "{} in {} comes to {amount} (100M yuan), {margin} above its target",
                            ind.short_en, v.target_year
                        ),
                        (false, false) => format!(
                            "{} in {} comes to {amount} (100M yuan), {margin} short of its target",
                            ind.short_en, v.target_year
                        ),
                    }
                })
                .collect();
            out.push_str(&parts.join(self.comma()));
            let missing: Vec<usize> =
                (0..plan.units.len()).filter(|u| sum.not_doubled.iter().any(|list| list.contains(u))).collect();
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|u| self.unit_name(&plan.units[*u])).collect();
                out.push_str(self.semicolon());
                if zh {
                    out.push_str(&names.join("、"));
                    out.push_str("未实现全部翻番");
                } else {
                    out.push_str(&names.join(", "));
                    out.push_str(if names.len() == 1 { " does not" } else { " do not" });
                    out.push_str(" double in every indicator");
                }
            }
        } else {
            out.push_str(if zh {
                "；达到各项目标的方案数："
            } else {
                "; proposals reaching each target: "
            });
            let parts: Vec<String> = IndicatorKey::ALL
                .iter()
                .map(|k| {
                    let ind = plan.indicator(*k);
                    let n = sum.meets[k.index()];
                    if zh {
                        format!("{}{n}个", ind.short_zh)
                    } else {
                        format!("{} {n}", ind.short_en)
                    }
                })
                .collect();
            out.push_str(&parts.join(self.list_sep()));
            let scenarios: Vec<_> = round.entries.iter().map(|e| e.state.scenario.clone()).collect();
            if let Some(m) = median_scenario(&scenarios, round.reference) {
                let n = judge_all(plan, &m).iter().filter(|v| v.status == Status::Met).count();
                out.push_str(self.semicolon());
                if zh {
                    out.push_str("中位数方案实现四项目标中的");
                    out.push_str(&n.to_string());
                    out.push('项');
                } else {
                    out.push_str("the median scenario reaches ");
                    out.push_str(&n.to_string());
                    out.push_str(" of the four targets");
                }
            }
        }
        out.push_str(self.stop());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::store::Entry;
    use crate::model::{Growth, LinkState, Scenario};

    fn round(plan: &Plan, mode: Mode) -> Round {
        let entry = |name: &str, bp: Option<i32>| {
            let mut s = Scenario::default_for(plan);
            if let Some(bp) = bp {
                s.growth_mut(IndicatorKey::ValueAdded).set(3, 3, Growth::from_bp(bp).expect("in range"));
            }
            let state = LinkState { scenario: s, lang: Lang::Zh, indicator: None };
            Entry { name: name.into(), code: state.encode(plan), state }
        };
        Round {
            name: "第2轮".into(),
            entries: vec![entry("市局", None), entry("南乐县", Some(1000))],
            reference: 0,
            mode,
            owners: Vec::new(),
        }
    }

    #[test]
    fn the_record_says_what_the_pledges_come_to_and_who_does_not_double() {
        let plan = Plan::shipped().expect("the shipped plan parses");
        let r = round(&plan, Mode::Pledges);
        let sum = r.summary(&plan);
        let text = Lang::Zh.workshop_summary(&plan, &r, &sum);
        let v = sum.composed.as_ref().expect("a reference");
        let va = &v[IndicatorKey::ValueAdded.index()];
        // Nanle at 10 % in 2026 takes value added below its target.
        assert_eq!(va.status, Status::Missed);
        let expected_va = format!(
            "2026年规上制造业增加值预计{}亿元，低于目标{}亿元",
            format::yi(va.projected),
            format::yi(-va.gap())
        );
        assert!(
            text.starts_with(&format!(
                "第2轮共收到2个方案，其中{}个实现全部四项目标；汇总各单位认领后，2024年招商引资到位资金预计",
                sum.all_four
            )),
            "{text}"
        );
        assert!(text.contains(&expected_va), "{text}");
        assert!(text.ends_with("南乐县未实现全部翻番。"), "{text}");
        let en = Lang::En.workshop_summary(&plan, &r, &sum);
        assert!(en.starts_with("第2轮: 2 scenarios received, "), "{en}");
        assert!(
            en.contains("short of its target") && en.ends_with("Nanle County does not double in every indicator."),
            "{en}"
        );
    }

    #[test]
    fn the_record_of_proposals_counts_each_target_and_the_median() {
        let plan = Plan::shipped().expect("the shipped plan parses");
        let r = round(&plan, Mode::Proposals);
        let sum = r.summary(&plan);
        let text = Lang::Zh.workshop_summary(&plan, &r, &sum);
        let counts: Vec<String> = IndicatorKey::ALL
            .iter()
            .map(|k| format!("{}{}个", plan.indicator(*k).short_zh, sum.meets[k.index()]))
            .collect();
        assert!(
            text.contains(&format!("；达到各项目标的方案数：{}；中位数方案实现四项目标中的", counts.join("、"))),
            "{text}"
        );
        assert!(text.ends_with("项。"), "{text}");
        let empty = Round { entries: Vec::new(), ..r };
        assert_eq!(
            Lang::Zh.workshop_summary(&plan, &empty, &empty.summary(&plan)),
            "第2轮共收到0个方案，其中0个实现全部四项目标。"
        );
    }
}
