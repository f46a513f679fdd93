//! The interface's own words in each language: labels, buttons, headings, empty states.

use crate::lang::Lang;
use crate::markup::plain;
use crate::model::CatalogEntry;
use crate::theme::ThemeChoice;

/// Every string of the interface (not of the newsletter) in one language.
#[derive(Debug)]
pub struct Ui {
    pub app_name: &'static str,
    /// A static page's link to the same issue in the viewer.
    pub open_in_viewer: &'static str,
    /// The static list of every issue.
    pub all_issues: &'static str,
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub lang_zh: &'static str,
    pub lang_en: &'static str,
    pub lang_both: &'static str,
    pub issue_picker: &'static str,
    /// The label of the year jump beside the issue picker.
    pub year: &'static str,
    /// Said when pages of the catalog could not be loaded.
    pub pages_failed: &'static str,
    pub issue_number: &'static str,
    pub contents: &'static str,
    pub filter: &'static str,
    pub filter_all: &'static str,
    pub clear_filter: &'static str,
    /// The switch of "both" mode between side by side and stacked (wide screens).
    pub side_by_side: &'static str,
    pub items_shown: &'static str,
    pub section_empty: &'static str,
    pub nothing_matches: &'static str,
    pub source: &'static str,
    pub regulator: &'static str,
    pub jurisdiction: &'static str,
    pub date: &'static str,
    pub missing_zh: &'static str,
    pub missing_en: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub warnings: &'static str,
    pub unknown_issue: &'static str,
    pub open_newest: &'static str,
    pub disclaimer: &'static str,
    pub contact: &'static str,
    pub website: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub fax: &'static str,
    pub offices: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub opened: &'static str,
    pub back_to_top: &'static str,
    /// A card's actions, and what is announced once they are done.
    pub copy_link: &'static str,
    pub cite: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub citation_copied: &'static str,
    pub copy_failed: &'static str,
    /// Offline reading: an issue that was not saved, opened offline; the mark of a saved
    /// issue in the issue list; the list of issues to save.
    pub offline_unsaved: &'static str,
    pub offline_hint: &'static str,
    pub available_offline: &'static str,
    pub offline_reading: &'static str,
    pub offline_about: &'static str,
    pub save_offline: &'static str,
    pub remove_offline: &'static str,
    pub saved_offline: &'static str,
    pub removed_offline: &'static str,
    pub save_failed: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub search_results: &'static str,
    pub search_count: &'static str,
    pub search_none: &'static str,
    pub search_loading: &'static str,
    pub search_failed: &'static str,
    pub search_error: &'static str,
    pub search_more: &'static str,
}

pub const ZH: Ui = Ui {
    app_name: "通讯阅读器",
    open_in_viewer: "在阅读器中打开",
    all_issues: "全部期刊",
    skip_to_content: "跳到正文",
    language: "语言",
    lang_zh: "中文",
    lang_en: "English",
    lang_both: "中英对照",
    issue_picker: "往期",
    year: "年份",
    pages_failed: "部分往期目录无法加载",
    issue_number: "第{}期",
    contents: "目录",
    filter: "筛选",
    filter_all: "全部",
    clear_filter: "清除筛选",
    side_by_side: "中英并排",
    items_shown: "显示 {} / {} 条",
    section_empty: "本栏目没有符合筛选条件的条目。",
    nothing_matches: "没有符合筛选条件的条目。",
    source: "原文链接",
    regulator: "发布机构",
    jurisdiction: "法域",
    date: "日期",
    missing_zh: "暂无中文版本",
    missing_en: "暂无英文版本",
    loading: "正在加载…",
    load_failed: "无法加载",
    retry: "重试",
    warnings: "部分内容无法读取，已略去：",
    unknown_issue: "目录中没有编号为“{}”的一期。",
    open_newest: "打开最新一期",
    disclaimer: "免责声明",
    contact: "联系我们",
    website: "网站",
    email: "邮箱",
    phone: "电话",
    fax: "传真",
    offices: "办公室",
    theme: "主题",
    theme_auto: "自动",
    theme_light: "浅色",
    theme_dark: "深色",
    opened: "已打开：",
    back_to_top: "回到顶部",
    copy_link: "复制链接",
    cite: "引用",
    share: "分享",
    link_copied: "链接已复制",
    citation_copied: "引用已复制",
    copy_failed: "无法复制，请手动选择文字复制",
    offline_unsaved: "当前没有网络连接，而这一期未保存以供离线阅读。",
    offline_hint: "已保存的各期在期号列表中标有“可离线”，联网后可重试。",
    available_offline: "可离线",
    offline_reading: "离线阅读",
    offline_about: "保存的各期无需网络即可阅读。打开过的每一期都会自动保存。",
    save_offline: "保存以离线阅读",
    remove_offline: "删除离线副本",
    saved_offline: "已保存以离线阅读：{}",
    removed_offline: "已删除离线副本：{}",
    save_failed: "无法保存：{}",
    search: "搜索",
    search_placeholder: "搜索全部期刊",
    search_results: "搜索结果",
    search_count: "{} 条结果，来自 {} 期",
    search_none: "没有找到结果。",
    search_loading: "已载入 {} / {} 期，继续搜索中…",
    search_failed: "以下各期无法载入，未包括在结果中：",
    search_error: "搜索无法完成：",
    search_more: "显示更多结果（还有 {} 条）",
};

pub const EN: Ui = Ui {
    app_name: "Newsletter viewer",
    open_in_viewer: "Open in the viewer",
    all_issues: "All issues",
    skip_to_content: "Skip to content",
    language: "Language",
    lang_zh: "中文",
    lang_en: "English",
    lang_both: "Both",
    issue_picker: "Issues",
    year: "Year",
    pages_failed: "Some of the catalog could not be loaded",
    issue_number: "No.{}",
    contents: "Contents",
    filter: "Filter",
    filter_all: "All",
    clear_filter: "Clear filter",
    side_by_side: "Side by side",
    items_shown: "Showing {} of {} items",
    section_empty: "No item in this section matches the filter.",
    nothing_matches: "No item matches the filter.",
    source: "Source",
    regulator: "Regulator",
    jurisdiction: "Jurisdiction",
    date: "Date",
    missing_zh: "Chinese version unavailable",
    missing_en: "English translation unavailable",
    loading: "Loading…",
    load_failed: "Could not load",
    retry: "Retry",
    warnings: "Some parts could not be read and are left out:",
    unknown_issue: "The catalog has no issue \u{201c}{}\u{201d}.",
    open_newest: "Open the newest issue",
    disclaimer: "Disclaimer",
    contact: "Contact",
    website: "Website",
    email: "Email",
    phone: "Tel",
    fax: "Fax",
    offices: "Offices",
    theme: "Theme",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_dark: "Dark",
    opened: "Opened: ",
    back_to_top: "Back to top",
    copy_link: "Copy link",
    cite: "Cite",
    share: "Share",
    link_copied: "Link copied",
    citation_copied: "Citation copied",
    copy_failed: "Could not copy; please select the text and copy it",
    offline_unsaved: "You are offline, and this issue was not saved for offline reading.",
    offline_hint: "Saved issues are marked “offline” in the issue list; once online, try again.",
    available_offline: "offline",
    offline_reading: "Offline reading",
    offline_about: "Saved issues can be read without a connection. Each issue you open is saved.",
    save_offline: "Save for offline reading",
    remove_offline: "Remove offline copy",
    saved_offline: "Saved for offline reading: {}",
    removed_offline: "Offline copy removed: {}",
    save_failed: "Could not save: {}",
    search: "Search",
    search_placeholder: "Search all issues",
    search_results: "Search results",
    search_count: "{} results in {} issues",
    search_none: "No results.",
    search_loading: "Loaded {} of {} issues, still searching…",
    search_failed: "These issues could not be loaded and are not searched:",
    search_error: "The search could not be completed:",
    search_more: "Show more results ({} more)",
};

/// The interface's words in `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The name of a light/dark choice, as a picker of interface words.
pub fn theme_label(choice: ThemeChoice) -> fn(&Ui) -> &'static str {
    match choice {
        ThemeChoice::Auto => |u| u.theme_auto,
        ThemeChoice::Light => |u| u.theme_light,
        ThemeChoice::Dark => |u| u.theme_dark,
    }
}

/// Fills the `{}` placeholders of a template in order.
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut values = values.iter();
    let mut parts = template.split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            if let Some(value) = values.next() {
                out.push_str(&value.to_string());
            }
        }
    }
    out
}

impl Ui {
    /// The note shown on a text that falls back to the other language because the one
    /// wanted (`missing`) is absent.
    pub fn missing(&self, missing: Lang) -> &'static str {
        match missing {
            Lang::Zh => self.missing_zh,
            Lang::En => self.missing_en,
        }
    }
}

/// A date of the data format written for readers of `lang`:
/// `2021年1月15日` / `15 January 2021`, `2021年1月` / `January 2021`.
/// A value that is not such a date is returned as it is.
pub fn format_date(date: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), lang) {
        ([y, m], Lang::Zh) => format!("{y}年{m}月"),
        ([y, m, d], Lang::Zh) => format!("{y}年{m}月{d}日"),
        ([y, m @ 1..=12], Lang::En) => format!("{} {y}", MONTHS[*m as usize - 1]),
        ([y, m @ 1..=12, d], Lang::En) => format!("{d} {} {y}", MONTHS[*m as usize - 1]),
        _ => date.to_owned(),
    }
}

/// How the issue list names a catalog entry in `lang`: its number, date and title, as
/// plain text (an `<option>` holds no markup), `第41期 · 2021年1月 · 网络安全…`.
pub fn entry_label(entry: &CatalogEntry, lang: Lang) -> String {
    let mut parts = Vec::with_capacity(3);
    if let Some(number) = entry.number {
        parts.push(fill(ui(lang).issue_number, &[&number]));
    }
    parts.push(format_date(entry.date.as_str(), lang));
    if let Some(title) = &entry.title {
        parts.push(plain(title.show(lang).text));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Id, IssuePath, Text};

    #[test]
    fn catalog_entries_are_named_by_number_date_and_plain_title() {
        let mut entry = CatalogEntry {
            id: Id::new("a").unwrap(),
            file: IssuePath::new("a.json").unwrap(),
            date: Date::new("2021-01").unwrap(),
            number: Some(41),
            title: Some(Text::new("*网络*安全", "[Cyber](https://e.org) review")),
        };
        assert_eq!(
            entry_label(&entry, Lang::Zh),
            "第41期 · 2021年1月 · 网络安全"
        );
        assert_eq!(
            entry_label(&entry, Lang::En),
            "No.41 · January 2021 · Cyber review"
        );
        entry.number = None;
        entry.title = None;
        assert_eq!(entry_label(&entry, Lang::En), "January 2021");
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(fill(EN.items_shown, &[&3, &5]), "Showing 3 of 5 items");
        assert_eq!(fill(ZH.issue_number, &[&41]), "第41期");
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        assert_eq!(format_date("2021-01-15", Lang::Zh), "2021年1月15日");
        assert_eq!(format_date("2021-01-15", Lang::En), "15 January 2021");
        assert_eq!(format_date("2021-01", Lang::Zh), "2021年1月");
        assert_eq!(format_date("2021-01", Lang::En), "January 2021");
        assert_eq!(format_date("soon", Lang::En), "soon");
    }
}
