//! Interface text in Chinese (first) and English, as one typed table:
//! a missing string is a compile error, not a blank on the page.

use crate::format;
use crate::model::file::{FileError, FileProblem};
use crate::model::import::{ImportIssue, Located};
use crate::model::library::LibraryError;
use crate::model::{
    Growth, GrowthError, Indicator, LinkError, NumberError, Plan, Requirement, Status, TargetVerdict, Unit,
};
use crate::sheet::protocol::SheetError;
use crate::storage::StorageProblem;

pub use crate::model::Lang;

pub mod chance;
pub mod extra;
pub mod workshop;

/// Every fixed string of the interface.
pub struct Strings {
    pub app_name: &'static str,
    pub subtitle: &'static str,
    /// The toggle shows the language it switches *to*.
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub illustrative: &'static str,
    pub verdicts_heading: &'static str,
    pub target: &'static str,
    pub projected: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub margin: &'static str,
    pub shortfall: &'static str,
    pub units_doubled: &'static str,
    pub cells_below_floor: &'static str,
    pub already_met: &'static str,
    pub above_range: &'static str,
    pub unreachable: &'static str,
    pub per_year: &'static str,
    pub now_at: &'static str,
    pub needs: &'static str,
    pub exactly_met: &'static str,
    pub now_needed_head: &'static str,
    pub contribution_short: &'static str,
    pub contribution_explain: &'static str,
    pub report_text_heading: &'static str,
    pub copy_text: &'static str,
    pub uniform_explain: &'static str,
    pub indicator_label: &'static str,
    pub grid_heading: &'static str,
    pub grid_hint: &'static str,
    pub unit: &'static str,
    pub floor_prefix: &'static str,
    pub no_floor: &'static str,
    pub target_year_col: &'static str,
    pub below_floor: &'static str,
    pub growth_of: &'static str,
    pub bulk_heading: &'static str,
    pub bulk_all: &'static str,
    pub bulk_row: &'static str,
    pub bulk_column: &'static str,
    pub apply: &'static str,
    pub presets_heading: &'static str,
    pub preset_plan_path: &'static str,
    pub preset_uniform: &'static str,
    pub preset_zero: &'static str,
    pub preset_reset: &'static str,
    pub preset_all_indicators: &'static str,
    pub preset_plan_path_hint: &'static str,
    pub preset_uniform_hint: &'static str,
    pub preset_zero_hint: &'static str,
    pub preset_reset_hint: &'static str,
    pub units_heading: &'static str,
    pub base_2022: &'static str,
    pub multiple: &'static str,
    pub doubled: &'static str,
    pub floors: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub all_floors_met: &'static str,
    pub city_total: &'static str,
    pub yi_yuan: &'static str,
    pub err_empty: &'static str,
    pub err_not_number: &'static str,
    pub err_range: &'static str,
    pub err_kept: &'static str,
    pub privacy: &'static str,
    pub offline_note: &'static str,
    pub source: &'static str,
    pub tolerance_note: &'static str,
    pub overview_heading: &'static str,
    pub charts_heading: &'static str,
    pub chart_path: &'static str,
    pub chart_units: &'static str,
    pub chart_floors: &'static str,
    pub chart_gap: &'static str,
    pub chart_floors_note: &'static str,
    pub axis_year: &'static str,
    pub axis_multiple: &'static str,
    pub target_line: &'static str,
    pub doubling_line: &'static str,
    pub floor_path: &'static str,
    pub legend_doubled: &'static str,
    pub legend_carries: &'static str,
    pub legend_short: &'static str,
    pub legend_not_doubled: &'static str,
    pub legend_below: &'static str,
    pub legend_above: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_label: &'static str,
    pub default_scenario_name: &'static str,
    pub table_value: &'static str,
    pub growth_col: &'static str,
    pub floor_col: &'static str,
    pub diff_col: &'static str,
    pub link_error_title: &'static str,
    pub link_error_action: &'static str,
    pub dismiss: &'static str,
    pub share_heading: &'static str,
    pub copy_link: &'static str,
    pub qr_code: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    /// An on-demand panel could not be loaded.
    pub extras_failed: &'static str,
    pub retry: &'static str,
    pub loading: &'static str,
    pub close: &'static str,
    pub err_link_empty: &'static str,
    pub err_link_char: &'static str,
    pub err_link_short: &'static str,
    pub err_link_checksum: &'static str,
    pub err_link_future: &'static str,
    pub err_link_unknown: &'static str,
    pub err_link_malformed: &'static str,
    pub scenarios_heading: &'static str,
    pub scenario_name_label: &'static str,
    pub name_placeholder: &'static str,
    pub save: &'static str,
    pub saved_heading: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub undo_hint: &'static str,
    pub redo_hint: &'static str,
    pub presentation: &'static str,
    pub presentation_exit: &'static str,
    pub presentation_hint: &'static str,
    pub workshop: &'static str,
    pub workshop_close: &'static str,
    pub workshop_hint: &'static str,
    pub export_csv: &'static str,
    pub export_xlsx: &'static str,
    pub bases_heading: &'static str,
    pub reported: &'static str,
    pub reported_mark: &'static str,
    pub reported_hint: &'static str,
    pub kind_unit_growth: &'static str,
    pub kind_unit_levels: &'static str,
    pub kind_city_growth: &'static str,
    pub kind_city_level: &'static str,
    pub report_kind_label: &'static str,
    pub actual_growth: &'static str,
    pub actual_level: &'static str,
    pub city_actual: &'static str,
    pub implied_growth: &'static str,
    pub reported_through: &'static str,
    pub unallocated_short: &'static str,
    pub source_label: &'static str,
    pub source_placeholder: &'static str,
    pub source_none: &'static str,
    pub custom_bases: &'static str,
    pub plan_path_note: &'static str,
    pub skip_to_grid: &'static str,
    pub print: &'static str,
    pub compare_a_label: &'static str,
    pub compare_pin: &'static str,
    pub compare_unpin: &'static str,
    pub solve: &'static str,
}

const ZH: Strings = Strings {
    app_name: "倍增沙盘",
    subtitle: "制造业倍增目标情景推演",
    lang_toggle: "English",
    lang_toggle_label: "Switch to English",
    illustrative: "示意数据：各单位2022年基数按“目标÷2”的示意比例拆分，并非官方统计，请以实际数据替换。",
    verdicts_heading: "目标研判",
    target: "目标",
    projected: "预计",
    met: "达标",
    missed: "未达标",
    margin: "超出",
    shortfall: "缺口",
    units_doubled: "单位翻番",
    cells_below_floor: "低于底线",
    already_met: "已达标",
    above_range: "超出滑块上限",
    unreachable: "无法达到",
    per_year: "/年",
    now_at: "增速现为",
    needs: "需",
    exactly_met: "恰好达标",
    now_needed_head: "现为 → 需",
    contribution_short: "对全市超出/缺口",
    contribution_explain: "各单位目标年预计值减去其应承担的全市目标份额（按2022年基数占比分摊），各行相加恰为全市超出（+）或缺口（−）。",
    report_text_heading: "汇报要点",
    copy_text: "复制文字",
    uniform_explain: "从第一个未公布年份起，每年采用同一增速、恰好达到目标所需的增速（供参考）。",
    indicator_label: "选择指标",
    grid_heading: "增速设定",
    grid_hint: "拖动滑块或直接输入增速（%）。方向键±0.1，PageUp/PageDown ±1。",
    unit: "单位",
    floor_prefix: "底线",
    no_floor: "无年度底线",
    target_year_col: "目标年",
    below_floor: "低于底线",
    growth_of: "增速",
    bulk_heading: "批量设置",
    bulk_all: "全部单元格",
    bulk_row: "整行",
    bulk_column: "整列",
    apply: "应用",
    presets_heading: "预设",
    preset_plan_path: "规划路径",
    preset_uniform: "匀速翻番",
    preset_zero: "全部 0%",
    preset_reset: "恢复默认",
    preset_all_indicators: "应用于全部四项指标",
    preset_plan_path_hint: "各年取规划底线，其余年份取恰好翻番所需增速",
    preset_uniform_hint: "每年相同增速，恰好在目标年翻番",
    preset_zero_hint: "所有单元格增速为 0%",
    preset_reset_hint: "恢复打开页面时的默认情景（全部指标）",
    units_heading: "各单位情况",
    base_2022: "2022年基数",
    multiple: "倍数",
    doubled: "翻番",
    floors: "年度底线",
    yes: "是",
    no: "否",
    all_floors_met: "均达到",
    city_total: "全市合计",
    yi_yuan: "亿元",
    err_empty: "请输入数字",
    err_not_number: "无法识别",
    err_range: "超出范围（−30%～150%）",
    err_kept: "已保留",
    privacy: "全部计算在本机浏览器内完成，数据不会上传。",
    offline_note: "通过 https（或本机地址）打开过一次后，断网也能使用，并可安装为应用；在 http 内网地址上浏览器不提供离线缓存，页面照常使用，但需要联网。",
    source: "依据",
    tolerance_note: "所需增速按0.01个百分点向上取整，照此设定即可达到目标。",
    overview_heading: "四项指标路径总览",
    charts_heading: "图表",
    chart_path: "全市合计路径",
    chart_units: "各单位翻番倍数，由低到高",
    chart_floors: "各年增速与年度底线",
    chart_gap: "各单位对全市超出/缺口的贡献，由大到小",
    chart_floors_note: "格内为增速，颜色示与底线之差",
    axis_year: "年份",
    axis_multiple: "倍数（目标年 ÷ 2022年）",
    target_line: "目标",
    doubling_line: "翻番线",
    floor_path: "底线路径",
    legend_doubled: "已翻番",
    legend_carries: "高于应承担份额",
    legend_short: "低于应承担份额",
    legend_not_doubled: "未翻番",
    legend_below: "低于底线",
    legend_above: "高于底线",
    download_svg: "下载 SVG",
    download_png: "下载 PNG",
    download_label: "下载图表",
    default_scenario_name: "未命名情景",
    table_value: "数值",
    growth_col: "增速",
    floor_col: "底线",
    diff_col: "差值（百分点）",
    link_error_title: "无法打开这个链接：",
    link_error_action: "已改为显示默认情景；已保存的情景未受影响。",
    dismiss: "知道了",
    share_heading: "分享",
    copy_link: "复制链接",
    qr_code: "二维码",
    copied: "已复制",
    copy_by_hand: "浏览器未允许自动复制，请手动复制：",
    extras_failed: "这部分功能未能加载（网络中断？），你的数据未受影响。",
    retry: "重试",
    loading: "正在加载…",
    close: "关闭",
    err_link_empty: "链接中没有情景代码。",
    err_link_char: "链接含有无效字符",
    err_link_short: "链接不完整（可能被截断）。",
    err_link_checksum: "链接校验失败：链接被截断或改动过。",
    err_link_future: "链接由更新版本的页面生成（格式版本",
    err_link_unknown: "链接格式版本不存在：",
    err_link_malformed: "链接内容无效：",
    scenarios_heading: "情景",
    scenario_name_label: "情景名称",
    name_placeholder: "未命名情景",
    save: "保存",
    saved_heading: "已保存",
    open: "打开",
    rename: "重命名",
    duplicate: "复制",
    delete: "删除",
    export_json: "保存为文件",
    import_json: "打开文件",
    undo: "撤销",
    redo: "重做",
    undo_hint: "撤销上一步（Ctrl+Z）",
    redo_hint: "重做（Ctrl+Shift+Z）",
    presentation: "演示模式",
    presentation_exit: "退出演示",
    presentation_hint: "大字号、高对比度，适合投影（快捷键 P，Esc 退出）",
    workshop: "工作坊汇总",
    workshop_close: "返回情景",
    workshop_hint: "收集各桌发来的情景链接或二维码，汇总认领或并列比较各方案",
    export_csv: "导出结果 CSV",
    export_xlsx: "导出结果 XLSX",
    bases_heading: "2022年基数",
    reported: "已公布",
    reported_mark: "标记为已公布（按实际数锁定）",
    reported_hint: "勾选“已公布”的年份按实际数锁定：批量设置、预设与求解都不改动它们，仍需增速只按其余年份计算。勾选某年会同时勾选此前各年。",
    kind_unit_growth: "各单位增速",
    kind_unit_levels: "各单位数值",
    kind_city_growth: "全市增速",
    kind_city_level: "全市数值",
    report_kind_label: "实际数的填法",
    actual_growth: "实际增速",
    actual_level: "实际数值",
    city_actual: "全市实际",
    implied_growth: "折合增速",
    reported_through: "已公布至",
    unallocated_short: "市直、其他",
    source_label: "基数来源",
    source_placeholder: "如：2022年统计公报，2023-03",
    source_none: "未注明来源",
    custom_bases: "已使用自定义基数：各单位2022年基数已有改动。",
    plan_path_note: "开局为规划路径：各年按年度底线增长，目标年取恰好翻番所需的增速。这是推演的起点假设，不是预测；请拖动滑块或输入增速设定情景。",
    skip_to_grid: "↓ 跳到增速设定",
    print: "打印简报",
    compare_a_label: "A（已固定）",
    compare_pin: "固定为 A 对比",
    compare_unpin: "取消对比",
    solve: "求解",
};

const EN: Strings = Strings {
    app_name: "Doubling Sandbox",
    subtitle: "Scenarios for the manufacturing doubling targets",
    lang_toggle: "中文",
    lang_toggle_label: "切换到中文",
    illustrative: "Illustrative data: each unit's 2022 base is an illustrative split of target ÷ 2, not official statistics. Replace it with real figures.",
    verdicts_heading: "Targets",
    target: "Target",
    projected: "Projected",
    met: "Met",
    missed: "Missed",
    margin: "Margin",
    shortfall: "Shortfall",
    units_doubled: "units doubled",
    cells_below_floor: "below floor",
    already_met: "already met",
    above_range: "beyond slider range",
    unreachable: "unreachable",
    per_year: "/yr",
    now_at: "growth now",
    needs: "needs",
    exactly_met: "exactly on target",
    now_needed_head: "now → needs",
    contribution_short: "Share of city margin",
    contribution_explain: "Each unit's projected value in the target year minus its share of the city target (in proportion to its 2022 base); the rows add up exactly to the city's margin (+) or shortfall (−).",
    report_text_heading: "Summary for a report",
    copy_text: "Copy text",
    uniform_explain: "The one growth rate that, applied in every year from the first open (not reported) year, just reaches the target (for reference).",
    indicator_label: "Indicator",
    grid_heading: "Growth rates",
    grid_hint: "Drag a slider or type a growth rate (%). Arrow keys ±0.1, PageUp/PageDown ±1.",
    unit: "Unit",
    floor_prefix: "floor",
    no_floor: "no floor",
    target_year_col: "target year",
    below_floor: "below floor",
    growth_of: "growth",
    bulk_heading: "Set many",
    bulk_all: "All cells",
    bulk_row: "Row",
    bulk_column: "Column",
    apply: "Apply",
    presets_heading: "Presets",
    preset_plan_path: "Plan path",
    preset_uniform: "Uniform doubling",
    preset_zero: "All 0%",
    preset_reset: "Reset",
    preset_all_indicators: "Apply to all four indicators",
    preset_plan_path_hint: "Floors where the plan sets them; the other years at the growth that just doubles",
    preset_uniform_hint: "The same growth every year, doubling exactly by the target year",
    preset_zero_hint: "Every cell at 0%",
    preset_reset_hint: "Back to the scenario the page opened on (all indicators)",
    units_heading: "Units",
    base_2022: "2022 base",
    multiple: "Multiple",
    doubled: "Doubled",
    floors: "Floors",
    yes: "yes",
    no: "no",
    all_floors_met: "all met",
    city_total: "City total",
    yi_yuan: "100M yuan",
    err_empty: "Enter a number",
    err_not_number: "Not a number:",
    err_range: "Out of range (−30% to 150%)",
    err_kept: "kept",
    privacy: "Everything is computed in this browser; no figure leaves it.",
    offline_note: "Opened once over https (or from this machine), the page works with no network and can be installed as an app; on a plain-http intranet address browsers keep no offline copy, so it works as usual but needs the network.",
    source: "Source",
    tolerance_note: "Required growth is rounded up to 0.01 point, so setting it reaches the target.",
    overview_heading: "All four paths",
    charts_heading: "Charts",
    chart_path: "City total path",
    chart_units: "Units against their own doubling, lowest first",
    chart_floors: "Growth against the annual floors",
    chart_gap: "Each unit's part of the city margin, largest first",
    chart_floors_note: "cells: growth; colour: points from the floor",
    axis_year: "Year",
    axis_multiple: "Multiple (target year ÷ 2022)",
    target_line: "Target",
    doubling_line: "Doubling",
    floor_path: "Floor path",
    legend_doubled: "doubled",
    legend_carries: "above its share",
    legend_short: "below its share",
    legend_not_doubled: "not doubled",
    legend_below: "below floor",
    legend_above: "above floor",
    download_svg: "SVG",
    download_png: "PNG",
    download_label: "Download chart",
    default_scenario_name: "Untitled scenario",
    table_value: "Value",
    growth_col: "Growth",
    floor_col: "Floor",
    diff_col: "Difference (points)",
    link_error_title: "This link could not be opened:",
    link_error_action: "The default scenario is shown instead; saved scenarios are untouched.",
    dismiss: "Dismiss",
    share_heading: "Share",
    copy_link: "Copy link",
    qr_code: "QR code",
    copied: "Copied",
    copy_by_hand: "The browser did not allow copying; copy it by hand:",
    extras_failed: "This part of the page could not be loaded (offline?); nothing you entered is affected.",
    retry: "Retry",
    loading: "Loading…",
    close: "Close",
    err_link_empty: "the link holds no scenario code.",
    err_link_char: "the link contains an invalid character",
    err_link_short: "the link is incomplete (probably cut off).",
    err_link_checksum: "the link's checksum does not match: it was cut off or changed.",
    err_link_future: "the link was made by a newer version of this page (format version",
    err_link_unknown: "the link's format version does not exist:",
    err_link_malformed: "the link's content is invalid:",
    scenarios_heading: "Scenario",
    scenario_name_label: "Scenario name",
    name_placeholder: "Untitled scenario",
    save: "Save",
    saved_heading: "Saved",
    open: "Open",
    rename: "Rename",
    duplicate: "Duplicate",
    delete: "Delete",
    export_json: "Save to file",
    import_json: "Open file",
    undo: "Undo",
    redo: "Redo",
    undo_hint: "Undo the last change (Ctrl+Z)",
    redo_hint: "Redo (Ctrl+Shift+Z)",
    presentation: "Present",
    presentation_exit: "Exit presentation",
    presentation_hint: "Large type and high contrast for a projector (key P, Esc to leave)",
    workshop: "Workshop",
    workshop_close: "Back to scenario",
    workshop_hint: "Gather the tables' scenario links or QR codes, combine their pledges or set the proposals side by side",
    export_csv: "Results CSV",
    export_xlsx: "Results XLSX",
    bases_heading: "2022 bases",
    reported: "Reported",
    reported_mark: "Mark as reported (locked to actual figures)",
    reported_hint: "Years marked reported hold actual figures: bulk set, presets and solve leave them alone, and the growth still required counts the remaining years only. Marking a year marks the years before it too.",
    kind_unit_growth: "Growth by unit",
    kind_unit_levels: "Level by unit",
    kind_city_growth: "City growth",
    kind_city_level: "City level",
    report_kind_label: "How actual figures are entered",
    actual_growth: "actual growth",
    actual_level: "actual level",
    city_actual: "City actual",
    implied_growth: "implied growth",
    reported_through: "reported through",
    unallocated_short: "City-level, other",
    source_label: "Source of bases",
    source_placeholder: "e.g. 2022 statistical bulletin, 2023-03",
    source_none: "source not given",
    custom_bases: "Custom bases: some 2022 bases have been changed.",
    plan_path_note: "The page opens on the plan path: each year at its floor, then the growth that just doubles in the target year. It is an assumption to start from, not a forecast: move the sliders or type growth rates to set a scenario.",
    skip_to_grid: "↓ Skip to growth rates",
    print: "Print briefing",
    compare_a_label: "A (pinned)",
    compare_pin: "Pin as A",
    compare_unpin: "Stop comparing",
    solve: "Solve",
};

/// The words for spreadsheet problems, apart from [`Strings`]: only the
/// spreadsheet worker words them (`Lang::sheet_problem`), so the page's own
/// wasm does not carry them.
struct SheetStrings {
    not_zip: &'static str,
    not_spreadsheet: &'static str,
    no_sheet: &'static str,
    file_too_large: &'static str,
    sheet_too_large: &'static str,
    write: &'static str,
    bad_message: &'static str,
    panic: &'static str,
    load: &'static str,
}

static SHEET_ZH: SheetStrings = SheetStrings {
    not_zip: "这不是 Excel 或 WPS 表格文件：内容既不是 .xlsx/.ods 的 zip 格式，也不是旧版 .xls 格式。",
    not_spreadsheet: "表格文件已损坏，或不是表格",
    no_sheet: "文件中没有工作表。",
    file_too_large: "文件过大",
    sheet_too_large: "第一个工作表过大",
    write: "无法生成 XLSX 文件",
    bad_message: "页面与表格组件的版本不一致，请刷新页面后重试",
    panic: "表格组件内部出错，已停止；再试一次会重新启动它",
    load: "无法加载表格组件（sheet_loader.js、sheet-worker.js、sheet-worker_bg.wasm），请检查网络连接或刷新页面后重试",
};

static SHEET_EN: SheetStrings = SheetStrings {
    not_zip: "This is not an Excel or WPS spreadsheet: its content is neither the zip format of .xlsx/.ods nor the old .xls format.",
    not_spreadsheet: "The spreadsheet is damaged, or not a spreadsheet",
    no_sheet: "The file has no worksheet.",
    file_too_large: "The file is too large",
    sheet_too_large: "The first worksheet is too large",
    write: "The XLSX file could not be written",
    bad_message: "The page and its spreadsheet component do not match; reload the page and try again",
    panic: "The spreadsheet component hit an internal error and was stopped; trying again restarts it",
    load: "The spreadsheet component (sheet_loader.js, sheet-worker.js, sheet-worker_bg.wasm) could not be loaded; check the connection or reload the page and try again",
};

impl Lang {
    /// The fixed strings of this language.
    pub fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The other language.
    #[must_use]
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The `lang` attribute value.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// A unit's short name.
    pub fn unit_name(self, unit: &Unit) -> &str {
        match self {
            Lang::Zh => &unit.name_zh,
            Lang::En => &unit.name_en,
        }
    }

    /// A unit's name where room is short (chart labels): the same in
    /// Chinese, the short form in English (Hualong for Hualong District).
    pub fn unit_short(self, unit: &Unit) -> &str {
        match self {
            Lang::Zh => &unit.name_zh,
            Lang::En => &unit.short_en,
        }
    }

    /// An indicator's short name.
    pub fn indicator_short(self, ind: &Indicator) -> &str {
        match self {
            Lang::Zh => &ind.short_zh,
            Lang::En => &ind.short_en,
        }
    }

    /// An indicator's full name.
    pub fn indicator_name(self, ind: &Indicator) -> &str {
        match self {
            Lang::Zh => &ind.name_zh,
            Lang::En => &ind.name_en,
        }
    }

    /// The plan's title.
    pub fn plan_title(self, plan: &Plan) -> &str {
        match self {
            Lang::Zh => &plan.title_zh,
            Lang::En => &plan.title_en,
        }
    }

    /// The plan's source line.
    pub fn plan_source(self, plan: &Plan) -> &str {
        match self {
            Lang::Zh => &plan.source_zh,
            Lang::En => &plan.source_en,
        }
    }

    /// "2024年" / "2024".
    pub fn year(self, year: u16) -> String {
        match self {
            Lang::Zh => format!("{year}年"),
            Lang::En => year.to_string(),
        }
    }

    // Amounts show the same figure in both languages, so that a workshop
    // that switches language mid-way compares like with like; English names
    // the unit, 亿元 = 100 million yuan.

    /// An amount with its unit: "562.3亿元" / "562.3 (100M yuan)".
    pub fn amount(self, yi: f64) -> String {
        match self {
            Lang::Zh => format!("{}亿元", format::yi(yi)),
            Lang::En => format!("{} (100M yuan)", format::yi(yi)),
        }
    }

    /// A paragraph ready to paste into a report (汇报材料) on one target:
    /// projected against target, the gap or margin, which units double and
    /// which do not, floor breaches, and the growth still needed.
    pub fn report_paragraph(self, plan: &Plan, v: &TargetVerdict) -> String {
        let ind = plan.indicator(v.indicator);
        let name = self.indicator_short(ind);
        let year = v.target_year;
        let (projected, target) = (format::yi(v.projected), format::yi_plain(v.target));
        let (gap, pct) = (format::yi(v.gap().abs()), format!("{}%", format::fixed(v.gap_percent().abs(), 1)));
        let exact = v.exactly_met();
        let total = v.units.len();
        let doubled = v.units_doubled();
        let laggards: Vec<&str> =
            v.units.iter().filter(|u| u.doubling != Status::Met).map(|u| self.unit_name(&plan.units[u.unit])).collect();
        let one_laggard = laggards.len() == 1;
        let laggards = laggards.join(self.list_sep());
        let breaches = v.breaches.len();
        // Nothing reaches the target: the target year is reported, or there
        // is nothing to grow from.
        let year_reported = v.reported_through == Some(year);
        let needed = match v.required {
            Requirement::AlreadyMet => None,
            Requirement::Growth(p) => Some(format::required_rate(p)),
            Requirement::AboveRange(p) => Some(format!(
                "{}{}",
                format::required_rate(p),
                match self {
                    Lang::Zh => "（超出滑块范围）",
                    Lang::En => " (beyond the slider range)",
                }
            )),
            Requirement::Unreachable => Some(self.s().unreachable.to_owned()),
        };
        match self {
            Lang::Zh => {
                let head = if exact {
                    format!("按当前情景，{year}年{name}预计{projected}亿元，恰好达到目标{target}亿元")
                } else if v.status == Status::Met {
                    format!("按当前情景，{year}年{name}预计{projected}亿元，超出目标{target}亿元{gap}亿元（{pct}）")
                } else {
                    format!("按当前情景，{year}年{name}预计{projected}亿元，较目标{target}亿元缺口{gap}亿元（{pct}）")
                };
                let units = if doubled == total {
                    format!("{total}个单位均实现翻番")
                } else {
                    format!("{total}个单位中{doubled}个实现翻番，{laggards}未达翻番")
                };
                let floors =
                    if breaches > 0 { format!("；有{breaches}处年度增速低于底线") } else { String::new() };
                let tail = match (&needed, v.required) {
                    (None, _) => "；目标已达成。".to_owned(),
                    (Some(n), Requirement::Unreachable) if year_reported => format!("；目标年已公布，{n}。"),
                    (Some(n), Requirement::Unreachable) => format!("；各单位基数为零，{n}。"),
                    (Some(n), _) => format!("；{year}年全市还需增长{n}。"),
                };
                format!("{head}；{units}{floors}{tail}")
            }
            Lang::En => {
                let head = if exact {
                    format!("In this scenario, {name} in {year} is projected at {projected} (100M yuan), exactly the target of {target}")
                } else if v.status == Status::Met {
                    format!("In this scenario, {name} in {year} is projected at {projected} (100M yuan), {gap} ({pct}) above the target of {target}")
                } else {
                    format!("In this scenario, {name} in {year} is projected at {projected} (100M yuan), {gap} ({pct}) short of the target of {target}")
                };
                let units = if doubled == total {
                    format!("all {total} units double")
                } else {
                    format!(
                        "{doubled} of {total} units double; {laggards} {}",
                        if one_laggard { "does not" } else { "do not" }
                    )
                };
                let floors = match breaches {
                    0 => String::new(),
                    1 => "; 1 annual rate is below its floor".to_owned(),
                    n => format!("; {n} annual rates are below their floors"),
                };
                let tail = match (&needed, v.required) {
                    (None, _) => "; the target is met.".to_owned(),
                    (Some(n), Requirement::Unreachable) if year_reported => {
                        format!("; the target year is reported: {n}.")
                    }
                    (Some(n), Requirement::Unreachable) => format!("; every base is zero: {n}."),
                    (Some(n), _) => format!("; the city still needs growth of {n} in {year}."),
                };
                format!("{head}; {units}{floors}{tail}")
            }
        }
    }

    /// Between the names of a list: "、" / ", ".
    pub fn list_sep(self) -> &'static str {
        match self {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }

    /// The colon after a label: "：" / ": ".
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// The comma between clauses: "，" / ", ".
    pub fn comma(self) -> &'static str {
        match self {
            Lang::Zh => "，",
            Lang::En => ", ",
        }
    }

    /// The semicolon between clauses: "；" / "; ".
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// The full stop: "。" / ".".
    pub fn stop(self) -> &'static str {
        match self {
            Lang::Zh => "。",
            Lang::En => ".",
        }
    }

    /// A target as the plan writes it: "560亿元" / "560 (100M yuan)".
    pub fn target_amount(self, yi: f64) -> String {
        match self {
            Lang::Zh => format!("{}亿元", format::yi_plain(yi)),
            Lang::En => format!("{} (100M yuan)", format::yi_plain(yi)),
        }
    }

    /// A plan floor: "底线 ≥50%" / "floor ≥50%".
    pub fn floor(self, g: Growth) -> String {
        format!("{} ≥{}%", self.s().floor_prefix, format::growth_plain(g))
    }

    /// A signed amount: "+2.3亿元" / "+2.3 (100M yuan)".
    pub fn signed_amount(self, yi: f64) -> String {
        match self {
            Lang::Zh => format!("{}亿元", format::signed_yi(yi)),
            Lang::En => format!("{} (100M yuan)", format::signed_yi(yi)),
        }
    }

    /// What is wrong with a link, in words for the page.
    pub fn link_problem(self, err: &LinkError) -> String {
        let s = self.s();
        match err {
            LinkError::Empty => s.err_link_empty.to_owned(),
            LinkError::BadCharacter { position, character } => match self {
                Lang::Zh => format!("{}“{}”（第 {} 个字符）。", s.err_link_char, character, position + 1),
                Lang::En => format!("{} “{}” (character {}).", s.err_link_char, character, position + 1),
            },
            LinkError::TooShort { .. } => s.err_link_short.to_owned(),
            LinkError::Checksum => s.err_link_checksum.to_owned(),
            LinkError::FutureVersion(v) => match self {
                Lang::Zh => format!("{} {v}），请使用最新页面打开。", s.err_link_future),
                Lang::En => format!("{} {v}); open it with the latest page.", s.err_link_future),
            },
            LinkError::UnknownVersion(v) => format!("{} {v}", s.err_link_unknown),
            LinkError::Malformed(detail) => format!("{} {detail}", s.err_link_malformed),
        }
    }

    /// A refused change to the saved list.
    pub fn library_problem(self, e: &LibraryError) -> &'static str {
        let x = self.x();
        match e {
            LibraryError::EmptyName => x.name_required,
            LibraryError::NameTooLong => x.name_too_long,
            LibraryError::NameTaken(_) => x.name_taken,
            LibraryError::NotFound(_) => x.not_found,
        }
    }

    /// A storage problem in words.
    pub fn storage_problem(self, p: &StorageProblem) -> String {
        let x = self.x();
        match p {
            StorageProblem::Unavailable => x.storage_unavailable.to_owned(),
            StorageProblem::Full => x.storage_full.to_owned(),
            StorageProblem::SetAside { key } => format!("{} “{key}”。", x.storage_set_aside),
            StorageProblem::Failed(why) => format!("{} {why}", x.storage_failed),
        }
    }

    /// A refused file, naming the field.
    pub fn file_problem(self, e: &FileError) -> String {
        let x = self.x();
        let what = match &e.problem {
            FileProblem::NotJson(detail) => format!("{}（{detail}）", x.f_not_json),
            FileProblem::WrongFormat => x.f_wrong_format.to_owned(),
            FileProblem::WrongVersion(v) => format!("{} {v}", x.f_wrong_version),
            FileProblem::Unknown => x.f_unknown.to_owned(),
            FileProblem::WrongType(expected) => {
                let expected = match (self, *expected) {
                    (Lang::Zh, "an object") => "对象",
                    (Lang::Zh, "a number") => "数字",
                    (Lang::Zh, "text") => "文本",
                    (Lang::Zh, "\"zh\" or \"en\"") => "\"zh\" 或 \"en\"",
                    (Lang::Zh, "true or false") => "true 或 false",
                    (Lang::Zh, "a number or { low, high }") => "数字或 { low, high }",
                    (Lang::Zh, "a list") => "列表",
                    (Lang::Zh, "a whole number") => "整数",
                    (_, other) => other,
                };
                format!("{} {expected}", x.f_wrong_type)
            }
            FileProblem::OutOfRange => x.f_out_of_range.to_owned(),
            FileProblem::Missing => x.f_missing.to_owned(),
            FileProblem::Link(e) => self.link_problem(e),
        };
        let at = if e.path.is_empty() { x.whole_file.to_owned() } else { e.path.clone() };
        match self {
            Lang::Zh => format!("{at}：{what}"),
            Lang::En => format!("{at}: {what}"),
        }
    }

    /// A spreadsheet that could not be opened or saved, in words for the
    /// page: what happened, then the detail the reader or browser gave.
    pub fn sheet_problem(self, e: &SheetError) -> String {
        let s = match self {
            Lang::Zh => &SHEET_ZH,
            Lang::En => &SHEET_EN,
        };
        let zh = self == Lang::Zh;
        let with = |what: &str, detail: &str| {
            let detail = truncate(detail.trim(), 160);
            match (zh, detail.is_empty()) {
                (_, true) => format!("{what}{}", self.stop()),
                (true, false) => format!("{what}（{detail}）。"),
                (false, false) => format!("{what} ({detail})."),
            }
        };
        let mb = |bytes: u64| {
            // Sizes in MB for people; exact enough far beyond any file.
            #[allow(clippy::cast_precision_loss)]
            let mb = bytes as f64 / 1_048_576.0;
            format!("{} MB", format::fixed(mb, 1))
        };
        match e {
            SheetError::NotZip => s.not_zip.to_owned(),
            SheetError::NotSpreadsheet { detail } => with(s.not_spreadsheet, detail),
            SheetError::NoSheet => s.no_sheet.to_owned(),
            SheetError::FileTooLarge { bytes, limit } => match self {
                Lang::Zh => format!("{}（{}，上限 {}）。", s.file_too_large, mb(*bytes), mb(*limit)),
                Lang::En => format!("{} ({}; the limit is {}).", s.file_too_large, mb(*bytes), mb(*limit)),
            },
            SheetError::SheetTooLarge { rows, cols, max_rows, max_cols } => match self {
                Lang::Zh => format!(
                    "{}（用到第 {rows} 行、第 {cols} 列，上限为 {max_rows} 行、{max_cols} 列）。",
                    s.sheet_too_large
                ),
                Lang::En => format!(
                    "{} (it reaches row {rows} and column {cols}; the limit is {max_rows} rows and {max_cols} columns).",
                    s.sheet_too_large
                ),
            },
            SheetError::Write { detail } => with(s.write, detail),
            SheetError::BadMessage { detail } => with(s.bad_message, detail),
            SheetError::Panic { detail } => with(s.panic, detail),
            SheetError::Load { detail } => with(s.load, detail),
        }
    }

    /// Which sheet of which file was read: 已读取“基数.xlsx”的工作表“Sheet1”.
    pub fn sheet_read(self, file: &str, sheet: &str) -> String {
        match self {
            Lang::Zh => format!("已读取“{file}”的工作表“{sheet}”。"),
            Lang::En => format!("Read worksheet “{sheet}” of “{file}”."),
        }
    }

    /// An import issue with its place: "第 3 行第 2 列：不是数字“abc”".
    pub fn import_issue(self, at: &Located) -> String {
        let x = self.x();
        let (what, text) = match &at.issue {
            ImportIssue::NoHeader => (x.i_no_header, String::new()),
            ImportIssue::UnknownIndicator(t) => (x.i_unknown_indicator, t.clone()),
            ImportIssue::DuplicateIndicator(t) => (x.i_duplicate_indicator, t.clone()),
            ImportIssue::UnknownUnit(t) => (x.i_unknown_unit, t.clone()),
            ImportIssue::DuplicateUnit(t, first) => (
                x.i_duplicate_unit,
                match self {
                    Lang::Zh => format!("{t}（第 {first} 行已有）"),
                    Lang::En => format!("{t} (already in row {first})"),
                },
            ),
            ImportIssue::NotANumber(t) => (x.i_not_number, t.clone()),
            ImportIssue::Negative(t) => (x.i_negative, t.clone()),
            ImportIssue::TooLarge(t) => (x.i_too_large, t.clone()),
            ImportIssue::Ignored(t) => (x.i_ignored, t.clone()),
        };
        let place = match (self, at.col) {
            (Lang::Zh, Some(c)) => format!("第 {} 行第 {c} 列", at.row),
            (Lang::Zh, None) => format!("第 {} 行", at.row),
            (Lang::En, Some(c)) => format!("Row {}, column {c}", at.row),
            (Lang::En, None) => format!("Row {}", at.row),
        };
        let text = if text.is_empty() { String::new() } else { format!("“{}”", truncate(&text, 24)) };
        match self {
            Lang::Zh => format!("{place}：{what}{text}"),
            Lang::En => format!("{place}: {what} {text}"),
        }
    }

    /// "链接 186 个字符" / "Link: 186 characters".
    pub fn link_length(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("链接长度 {n}"),
            Lang::En => format!("Link length {n}"),
        }
    }

    /// What is wrong with refused text, e.g. 超出范围（−30%～150%）.
    pub fn growth_problem(self, err: &GrowthError) -> String {
        let s = self.s();
        match err {
            GrowthError::Number(NumberError::Empty) => s.err_empty.to_owned(),
            GrowthError::Number(NumberError::NotANumber(text)) => match self {
                Lang::Zh => format!("{}“{}”", s.err_not_number, truncate(text, 12)),
                Lang::En => format!("{} “{}”", s.err_not_number, truncate(text, 12)),
            },
            GrowthError::OutOfRange(_) => s.err_range.to_owned(),
        }
    }

    /// What the uniform growth is: the same rate in every year from the
    /// first open year that would just reach the target.
    pub fn uniform_line(self, year: u16, target_year: u16, uniform: Requirement) -> String {
        let rate = match uniform {
            Requirement::Growth(p) | Requirement::AboveRange(p) => {
                Some(format!("{}{}", format::required_rate(p), self.s().per_year))
            }
            Requirement::AlreadyMet | Requirement::Unreachable => None,
        };
        match (self, rate) {
            (Lang::Zh, _) if year > target_year => "各年均已公布，无需再设增速".to_owned(),
            (Lang::En, _) if year > target_year => "Every year is reported: no rate left to set".to_owned(),
            (Lang::Zh, None) => "各单位基数为零，任何增速都无法达到目标".to_owned(),
            (Lang::En, None) => "Every base is zero: no growth rate reaches the target".to_owned(),
            (Lang::Zh, Some(rate)) => format!("若自{year}年起每年同一增速，恰好达标需 {rate}"),
            (Lang::En, Some(rate)) => format!("Same rate every year from {year} to just reach it: {rate}"),
        }
    }

    /// The name of a way to enter reported figures.
    pub fn report_kind(self, kind: crate::model::ReportKind) -> &'static str {
        use crate::model::ReportKind as K;
        let s = self.s();
        match kind {
            K::UnitGrowth => s.kind_unit_growth,
            K::UnitLevels => s.kind_unit_levels,
            K::CityGrowth => s.kind_city_growth,
            K::CityLevel => s.kind_city_level,
        }
    }

    /// "基数来源：…" or "Source of bases: …", or that none was given.
    pub fn source_note(self, source: &str) -> String {
        let s = self.s();
        if source.is_empty() {
            format!("{}{}{}", s.source_label, self.colon(), s.source_none)
        } else {
            format!("{}{}{source}", s.source_label, self.colon())
        }
    }

    /// The message shown at a field whose text was refused, with the value
    /// that stays: 超出范围（−30%～150%），已保留 12.0%.
    pub fn growth_error(self, err: &GrowthError, kept: Growth) -> String {
        let (what, s) = (self.growth_problem(err), self.s());
        match self {
            Lang::Zh => format!("{what}，{}{kept}%", s.err_kept),
            Lang::En => format!("{what}; {} {kept}%", s.err_kept),
        }
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut t: String = text.chars().take(max).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::protocol::{MAX_COLS, MAX_FILE_BYTES, MAX_ROWS};

    #[test]
    fn the_file_problems_of_uncertainty_and_workshops_read_in_chinese() {
        let e = |path: &str, problem| FileError { path: path.to_owned(), problem };
        assert_eq!(
            Lang::Zh.file_problem(&e("uncertainty.on", FileProblem::WrongType("true or false"))),
            "uncertainty.on：类型不对，应为 true 或 false"
        );
        assert_eq!(
            Lang::Zh.file_problem(&e(
                "indicators.funds.ranges.hualong.2024",
                FileProblem::WrongType("a number or { low, high }")
            )),
            "indicators.funds.ranges.hualong.2024：类型不对，应为 数字或 { low, high }"
        );
        let link = Lang::Zh.file_problem(&e("rounds.0.entries.1.code", FileProblem::Link(LinkError::Checksum)));
        assert!(link.starts_with("rounds.0.entries.1.code：") && link.contains("校验"), "{link}");
    }

    #[test]
    fn every_spreadsheet_problem_has_words_in_both_languages() {
        let d = || "detail from the reader".to_owned();
        let all = [
            SheetError::NotZip,
            SheetError::NotSpreadsheet { detail: d() },
            SheetError::NoSheet,
            SheetError::FileTooLarge { bytes: 20 * 1_048_576, limit: MAX_FILE_BYTES },
            SheetError::SheetTooLarge { rows: 20_001, cols: 3, max_rows: MAX_ROWS, max_cols: MAX_COLS },
            SheetError::Write { detail: d() },
            SheetError::BadMessage { detail: d() },
            SheetError::Panic { detail: d() },
            SheetError::Load { detail: d() },
        ];
        let mut seen = Vec::new();
        for e in &all {
            let (zh, en) = (Lang::Zh.sheet_problem(e), Lang::En.sheet_problem(e));
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
            assert!(en.is_ascii() || en.contains('×'), "{en}");
            assert!(!seen.contains(&zh), "{zh} twice");
            seen.push(zh);
        }
        assert_eq!(
            Lang::Zh.sheet_problem(&SheetError::FileTooLarge { bytes: 20 * 1_048_576, limit: MAX_FILE_BYTES }),
            "文件过大（20.0 MB，上限 16.0 MB）。"
        );
        assert_eq!(
            Lang::En.sheet_problem(&SheetError::Load { detail: "404".into() }),
            "The spreadsheet component (sheet_loader.js, sheet-worker.js, sheet-worker_bg.wasm) could not be loaded; \
             check the connection or reload the page and try again (404)."
        );
        assert_eq!(Lang::Zh.sheet_problem(&SheetError::Write { detail: " ".into() }), format!("{}。", SHEET_ZH.write));
    }
}
