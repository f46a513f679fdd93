//! Browser tests: real components mounted in headless Chromium (wasm-bindgen-test), asserting
//! on text and attributes. Run by tools/test.sh; see the README.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use newsletter_core::url::ViewState;
use newsletter_core::{parse_catalog, parse_issue, Issue, LangMode, LoadError, Parsed};
use newsletter_viewer::components::bar::{IssuePicker, LangSwitch};
use newsletter_viewer::components::issue::IssueView;
use newsletter_viewer::components::loading::Load;
use newsletter_viewer::components::text::DocumentMode;
use newsletter_viewer::files::shared;
use newsletter_viewer::offline::Offline;
use newsletter_viewer::shelf::Shelf;
use newsletter_viewer::state::{Reading, Remembered, UrlState};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../public/issues/cyber-041.json");
const PARTIAL: &str = include_str!("../e2e/fixtures/fixture-partial.json");

/// The viewer's style sheets: the reading mode is shown by them (`nv-hide-*`).
const STYLES: [&str; 3] = [
    include_str!("../style/tokens.css"),
    include_str!("../style/base.css"),
    include_str!("../style/components.css"),
];

/// Mounts the language switch and an issue view over `json` in a fresh container.
fn mount(json: &'static str, state: ViewState, remembered: Option<&str>) -> Element {
    let parsed = shared(parse_issue("fixture.json", json).expect("fixture parses"));
    mount_parsed(parsed, state, remembered)
}

/// Mounts the language switch and an issue view over `parsed` in a fresh container.
fn mount_parsed(parsed: Parsed<Arc<Issue>>, state: ViewState, remembered: Option<&str>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("nv-test-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("nv-test-styles");
        style.set_text_content(Some(&STYLES.concat()));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let remembered = remembered.map(str::to_owned);
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        let url = UrlState::detached(state);
        let reading = Reading::new(
            url,
            Remembered {
                lang: remembered,
                layout: None,
            },
            vec!["en-US".into()],
        );
        provide_context(url);
        provide_context(reading);
        view! {
            <DocumentMode />
            <LangSwitch />
            <IssueView parsed />
        }
    });
    handle.forget();
    container
}

/// Lets scheduled reactive work run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The class that hides an element in the reading mode on `<html data-mode>` now.
fn hiding_class() -> String {
    format!(
        "nv-hide-{}",
        html().get_attribute("data-mode").unwrap_or_default()
    )
}

/// The page's `<html>` element.
fn html() -> Element {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
}

/// The text a reader sees: text nodes outside elements the reading mode hides. (Not
/// `innerText`, which is empty for cards that `content-visibility` has not laid out yet.)
fn text(element: &Element) -> String {
    fn walk(node: &web_sys::Node, hiding: &str, out: &mut String) {
        if let Some(element) = node.dyn_ref::<Element>() {
            if element.class_list().contains(hiding) {
                return;
            }
        }
        if node.node_type() == web_sys::Node::TEXT_NODE {
            out.push_str(&node.node_value().unwrap_or_default());
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            walk(&children.item(i).unwrap(), hiding, out);
        }
    }
    let mut out = String::new();
    walk(element, &hiding_class(), &mut out);
    out
}

/// The elements matching `selector` that the reading mode shows.
fn shown(root: &Element, selector: &str) -> Vec<Element> {
    let hiding = hiding_class();
    find_all(root, selector)
        .into_iter()
        .filter(|e| e.closest(&format!(".{hiding}")).unwrap().is_none())
        .collect()
}

fn langs(elements: &[Element]) -> Vec<String> {
    elements
        .iter()
        .map(|e| e.get_attribute("lang").unwrap_or_default())
        .collect()
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

fn visible_cards(root: &Element) -> Vec<String> {
    find_all(root, "article.nv-card")
        .into_iter()
        .filter(|card| !card.has_attribute("hidden"))
        .map(|card| card.id())
        .collect()
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_texts_and_their_lang_attributes() {
    let root = mount(SAMPLE, ViewState::default(), Some("zh"));
    tick().await;
    let title = || find(&root, "#zhejiang-1200-apps .nv-card__title");
    assert_eq!(text(&title()), "浙江省通信管理局2020年累计检测1200余款APP");
    assert_eq!(langs(&shown(&title(), ".nv-t")), ["zh"]);

    click(&root, "button[data-lang=en]");
    tick().await;
    assert_eq!(
        text(&title()),
        "Zhejiang Regulator Detects over 1200 Apps in 2020"
    );
    assert_eq!(langs(&shown(&title(), ".nv-t")), ["en"]);
    assert_eq!(html().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        find(&root, "button[data-lang=en]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // The interface follows: the section heading and the count are English now.
    assert!(text(&root).contains("Domestic News"));
    assert!(text(&find(&root, ".nv-count")).starts_with("Showing 5 of 5"));

    click(&root, "button[data-lang=both]");
    tick().await;
    assert_eq!(
        langs(&shown(&title(), ".nv-t")),
        ["zh", "en"],
        "both: Chinese then English"
    );
    assert_eq!(
        langs(&shown(&root, "#zhejiang-1200-apps .nv-block")),
        ["zh", "en"]
    );
}

#[wasm_bindgen_test]
async fn the_filter_hides_cards_and_updates_counts() {
    let root = mount(SAMPLE, ViewState::default(), Some("en"));
    tick().await;
    assert_eq!(visible_cards(&root).len(), 5);
    // China counts its provinces too; each control shows how many items it matches.
    assert_eq!(text(&find(&root, "[data-code=CN] .nv-filter__count")), "4");
    assert_eq!(
        text(&find(&root, "[data-code=CN-ZJ] .nv-filter__count")),
        "1"
    );
    assert_eq!(text(&find(&root, "[data-code=US] .nv-filter__count")), "1");

    click(&root, "[data-code=CN-ZJ] input");
    tick().await;
    assert_eq!(visible_cards(&root), ["zhejiang-1200-apps"]);
    assert_eq!(text(&find(&root, ".nv-count")), "Showing 1 of 5 items");
    // The overseas section is emptied by the filter and says so.
    let empty_notes: Vec<_> = find_all(&root, ".nv-section__empty")
        .into_iter()
        .filter(|p| !p.has_attribute("hidden"))
        .collect();
    assert_eq!(
        empty_notes.len(),
        1,
        "{:?}",
        find_all(&root, ".nv-section__empty")
            .iter()
            .map(|e| e.outer_html())
            .collect::<Vec<_>>()
    );

    click(&root, "[data-code=US] input");
    tick().await;
    assert_eq!(
        visible_cards(&root),
        ["zhejiang-1200-apps", "ftc-everalbum-facial-recognition"]
    );

    click(&root, ".nv-filter__clear");
    tick().await;
    assert_eq!(visible_cards(&root).len(), 5);
}

#[wasm_bindgen_test]
async fn the_regulator_facet_combines_with_jurisdictions() {
    let root = mount(SAMPLE, ViewState::default(), Some("en"));
    tick().await;
    let count = |selector: &str| text(&find(&root, &format!("{selector} .nv-filter__count")));
    assert_eq!(count("[data-regulator=miit]"), "1");
    assert!(text(&find(&root, "[data-regulator=ftc]")).contains("Federal Trade Commission"));

    click(&root, "[data-regulator=miit] input");
    tick().await;
    assert_eq!(visible_cards(&root), ["miit-81-draft-standards"]);
    // The other facet counts what it would show with MIIT chosen.
    assert_eq!(count("[data-code=CN]"), "1");
    assert_eq!(count("[data-code=US]"), "0");
    // Within a facet: either; across facets: both.
    click(&root, "[data-regulator=ftc] input");
    tick().await;
    assert_eq!(visible_cards(&root).len(), 2);
    click(&root, "[data-code=US] input");
    tick().await;
    assert_eq!(visible_cards(&root), ["ftc-everalbum-facial-recognition"]);
    assert_eq!(count("[data-regulator=miit]"), "0");

    click(&root, ".nv-filter__clear");
    tick().await;
    assert_eq!(visible_cards(&root).len(), 5);
}

#[wasm_bindgen_test]
async fn contents_links_target_the_items_and_follow_the_filter() {
    let root = mount(SAMPLE, ViewState::default(), Some("en"));
    tick().await;
    let links = find_all(&root, ".nv-contents__link");
    assert_eq!(links.len(), 5);
    for link in &links {
        let href = link.get_attribute("href").unwrap();
        let id = href.strip_prefix('#').expect("a fragment link");
        let target = find(&root, &format!("article[id='{id}']"));
        assert_eq!(text(link), text(&find(&target, ".nv-card__title")));
    }

    click(&root, "[data-code=US] input");
    tick().await;
    // Entries the filter leaves out are hidden, with their section when it empties.
    let hrefs: Vec<_> = find_all(&root, ".nv-contents__link")
        .iter()
        .filter(|a| a.closest("[hidden]").unwrap().is_none())
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["#ftc-everalbum-facial-recognition"]);
}

#[wasm_bindgen_test]
async fn a_missing_translation_shows_the_other_language_marked() {
    let state = ViewState {
        lang: Some(LangMode::Zh),
        ..Default::default()
    };
    let root = mount(PARTIAL, state, None);
    tick().await;
    let title = find(&root, "#only-english .nv-card__title");
    assert_eq!(
        find(&title, ".nv-t").get_attribute("lang").as_deref(),
        Some("en")
    );
    let note = find(&title, ".nv-missing");
    assert_eq!(note.get_attribute("lang").as_deref(), Some("zh"));
    assert_eq!(text(&note), "暂无中文版本");
}

#[wasm_bindgen_test]
async fn markup_in_data_is_text_and_only_safe_links_become_links() {
    let root = mount(PARTIAL, ViewState::default(), Some("en"));
    tick().await;
    let body = find(&root, "#only-english .nv-card__body");
    assert!(text(&body).contains("<script>window.pwned = 1</script>"));
    assert!(body.query_selector("script").unwrap().is_none());
    assert_eq!(text(&find(&body, "em")), "emphasis");
    let hrefs: Vec<_> = find_all(&body, "a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["https://example.org/notice"]);
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn the_issue_picker_lists_every_issue_as_plain_text_with_the_newest_chosen() {
    let catalog = r#"{"format":"newsletter-catalog/1","issues":[
        {"id":"old","file":"old.json","date":"2020-12","title":{"en":"two\nlines & <b>no markup</b>"}},
        {"id":"astral","file":"a.json","date":"2021-01-18","number":41,"title":{"zh":"𠀀𠀁 😀 网络安全"}},
        {"id":"plain","file":"p.json","date":"2020-11"}]}"#;
    let catalog = parse_catalog("index.json", catalog).unwrap().value;
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        let url = UrlState::detached(ViewState::default());
        provide_context(url);
        provide_context(Reading::new(
            url,
            Remembered {
                lang: Some("en".into()),
                layout: None,
            },
            vec![],
        ));
        view! { <IssuePicker shelf=Shelf::new(catalog, Offline::start()) /> }
    });
    handle.forget();
    tick().await;
    let options = find_all(&container, "#nv-issue option");
    let values: Vec<_> = options
        .iter()
        .map(|o| o.get_attribute("value").unwrap())
        .collect();
    assert_eq!(values, ["astral", "old", "plain"]);
    for option in &options {
        assert!(option.first_element_child().is_none(), "text only");
    }
    assert!(text(&options[0]).contains("𠀀𠀁 😀 网络安全"));
    assert!(text(&options[1]).contains("<b>no markup</b>"));
    let select = find(&container, "#nv-issue");
    let chosen = js_sys::Reflect::get(&select, &"value".into()).unwrap();
    assert_eq!(chosen.as_string().unwrap(), "astral");
    // Two years: a jump to either, the shown issue's chosen.
    let years: Vec<_> = find_all(&container, "#nv-year option")
        .iter()
        .map(text)
        .collect();
    assert_eq!(years, ["2021", "2020"]);
    let year = js_sys::Reflect::get(&find(&container, "#nv-year"), &"value".into()).unwrap();
    assert_eq!(year.as_string().unwrap(), "2021");
}

#[wasm_bindgen_test]
async fn a_jurisdiction_missing_from_the_issue_gets_the_browser_name() {
    let root = mount(PARTIAL, ViewState::default(), Some("en"));
    tick().await;
    // US-CA is not in the issue's map and Intl has no subdivision names: the code shows.
    assert_eq!(
        text(&find(&root, "#only-chinese .nv-card__jurisdiction")),
        "US-CA"
    );
    // The filter groups it under a country named by the browser.
    assert_eq!(
        text(&find(&root, "[data-code=US] .nv-filter__name")),
        "United States"
    );
}

#[wasm_bindgen_test]
async fn a_crash_shows_a_readable_notice_with_a_reload_link() {
    newsletter_viewer::browser::crash::show_crash_notice("panicked at src/x.rs: boom <b>");
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = document
        .query_selector(".nv-crash[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(text(&notice).contains("Something went wrong"));
    assert!(text(&notice).contains("出错了"));
    // The message is text, not markup.
    assert_eq!(
        text(&find(&notice, "code")),
        "panicked at src/x.rs: boom <b>"
    );
    assert!(notice.query_selector("b").unwrap().is_none());
    let reload = find(&notice, "a");
    let href = web_sys::window().unwrap().location().href().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(href));
    assert_eq!(
        document.active_element().map(|e| e.class_name()),
        Some(reload.class_name())
    );
    notice.remove();
}

/// A plainly fictional issue of `n` items in three sections.
fn large_issue(n: usize) -> &'static str {
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"n{i}","jurisdiction":"EU","title":{{"zh":"条目{i}","en":"Item {i}"}},"body":{{"en":"Body {i}."}}}}"#
            )
        })
        .collect();
    let third = n / 3;
    let section = |id: &str, items: &[String]| {
        format!(
            r#"{{"id":"{id}","title":{{"en":"{id}"}},"items":[{}]}}"#,
            items.join(",")
        )
    };
    let json = format!(
        r#"{{"format":"newsletter-issue/1","id":"large","sections":[{},{},{}]}}"#,
        section("a", &items[..third]),
        section("b", &items[third..2 * third]),
        section("c", &items[2 * third..]),
    );
    Box::leak(json.into_boxed_str())
}

async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_large_issue_shows_its_first_cards_at_once_and_the_rest_in_order_soon_after() {
    let root = mount(large_issue(600), ViewState::default(), Some("en"));
    let count = || find_all(&root, "article.nv-card").len();
    assert_eq!(count(), newsletter_core::rendering::FIRST_CARDS);
    for _ in 0..100 {
        if count() == 600 {
            break;
        }
        wait_ms(20).await;
    }
    let ids: Vec<String> = find_all(&root, "article.nv-card")
        .iter()
        .map(|c| c.id())
        .collect();
    let expected: Vec<String> = (0..600).map(|i| format!("n{i}")).collect();
    assert_eq!(ids, expected, "every card, in reading order");
    // Contents and counts cover the whole issue from the start.
    assert_eq!(find_all(&root, ".nv-contents__link").len(), 600);
}

#[wasm_bindgen_test]
async fn a_slow_load_never_replaces_the_one_chosen_after_it() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    // The first file takes 150 ms, the second 10 ms: the second is chosen while the first
    // is still on its way, and must be what stays.
    let chosen = RwSignal::new(1);
    let load = Load::new(move || {
        let n = chosen.get();
        Some(async move {
            wait_ms(if n == 1 { 150 } else { 10 }).await;
            Ok::<i32, LoadError>(n)
        })
    });
    tick().await;
    assert_eq!(load.value(), None, "nothing before the first file arrives");
    chosen.set(2);
    wait_ms(300).await;
    assert_eq!(load.value(), Some(2));

    // A failed load keeps its error until a retry succeeds.
    let attempts = RwSignal::new(0);
    let flaky = Load::new(move || {
        let attempt = attempts.get_untracked();
        attempts.set(attempt + 1);
        Some(async move {
            if attempt == 0 {
                Err(LoadError::Http {
                    file: "a.json".into(),
                    status: 503,
                })
            } else {
                Ok(attempt)
            }
        })
    });
    wait_ms(20).await;
    assert_eq!(flaky.value(), None);
    flaky.retry();
    wait_ms(20).await;
    assert_eq!(flaky.value(), Some(1));
}

/// The wasm stack is small (`.cargo/config.toml`): however deeply a file nests, reading it
/// ends in a result, not a trapped page (serde_json skips what the model does not read
/// without recursing).
#[wasm_bindgen_test]
fn a_file_nested_ten_thousand_levels_deep_is_read_without_trapping() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // In a field the viewer does not read: the issue reads.
    let extra = format!(r#"{{"extra":{deep},{}"#, &SAMPLE.trim_start()[1..]);
    let read = parse_issue("deep.json", &extra).expect("read");
    assert_eq!(read.value.sections.len(), 2);
    // As an item: that item is left out, with a warning.
    let item = SAMPLE.replacen(r#""items": ["#, &format!(r#""items": [{deep}, "#), 1);
    let read = parse_issue("deep.json", &item).expect("read");
    assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
    assert_eq!(read.warnings[0].place, "sections[0].items[0]");
    assert!(read.warnings[0]
        .message
        .contains("invalid type: array, expected an object"));
}

/// index.html's script asks for the issue the page opens before the viewer has started, so
/// it repeats the core's rules for a catalog entry's id, date and file. The two must agree,
/// or the script would ask for a file the viewer then refuses (or miss one it reads).
#[wasm_bindgen_test]
fn the_early_request_script_checks_entries_as_the_core_does() {
    use newsletter_core::model::{Date, Id, IssuePath};
    let page = include_str!("../index.html");
    let start = page
        .find("const rules = ")
        .expect("index.html has its rules")
        + 14;
    let end = start + page[start..].find("};").expect("the rules end") + 1;
    let rules = js_sys::eval(&format!("({})", &page[start..end])).expect("the rules evaluate");
    let rule = |field: &str| -> js_sys::RegExp {
        js_sys::Reflect::get(&rules, &field.into())
            .unwrap()
            .unchecked_into()
    };
    let long = "a".repeat(64);
    let longer = "a".repeat(65);
    let ids = [
        "a", "a-b_C9", &long, &longer, "", "a b", "a.b", "人脸", "../x", "a\u{0}",
    ];
    let dates = [
        "2021-01",
        "2021-01-18",
        "2021-12-31",
        "2021-13",
        "2021-00",
        "2021-01-32",
        "2021-01-00",
        "2021-1-18",
        "2021",
        "21-01-18",
        "2021/01/18",
        "２０２１-01",
        "2021-01-18T00",
        "",
    ];
    let files = [
        "a.json",
        "2021/a.json",
        "../a.json",
        "a/../b",
        "/a",
        "a\\b",
        "a:b",
        "https://x/a",
        "a?b",
        "a#b",
        "./a",
        "a//b",
        "a/",
        "",
        "\u{1}a",
        "a\u{7f}",
        "a\u{85}b",
        "数据.json",
        "a b.json",
        ".hidden",
        "..",
    ];
    let mut tried = 0;
    for (field, values, core) in [
        ("id", &ids[..], (|v| Id::new(v).is_ok()) as fn(&str) -> bool),
        ("date", &dates[..], |v| Date::new(v).is_ok()),
        ("file", &files[..], |v| IssuePath::new(v).is_ok()),
    ] {
        let rule = rule(field);
        for value in values {
            assert_eq!(rule.test(value), core(value), "{field} {value:?}");
            tried += 1;
        }
    }
    assert!(tried > 40);
}

/// index.html's first script sets the reading mode before the first paint (so the snapshot
/// shows in it), by the core's rule: the two must agree, or the viewer would switch the page
/// to another mode when it starts.
#[wasm_bindgen_test]
fn the_early_reading_mode_script_decides_as_the_core_does() {
    use newsletter_core::lang::{resolve_mode, LangMode};
    use wasm_bindgen::JsValue;
    let page = include_str!("../index.html");
    let start = page
        .find("const readingMode = ")
        .expect("index.html has its rule")
        + 20;
    let end = start + page[start..].find("\n        };").expect("the rule ends") + 10;
    let rule: js_sys::Function = js_sys::eval(&format!("({})", &page[start..end]))
        .expect("the rule evaluates")
        .unchecked_into();
    let from_url = [
        None,
        Some("en"),
        Some(" BOTH "),
        Some("zh"),
        Some("fr"),
        Some(""),
    ];
    let remembered = [None, Some("both"), Some("En"), Some("garbage"), Some(" zh")];
    let browsers: [&[&str]; 7] = [
        &[],
        &["zh-CN", "en"],
        &["en-GB", "zh"],
        &["fr-FR", "de"],
        &["fr", "ZH_tw"],
        &["zh-Hant-TW"],
        &[""],
    ];
    let mut tried = 0;
    for url in from_url {
        for stored in remembered {
            for languages in browsers {
                let list = js_sys::Array::new();
                for tag in languages {
                    list.push(&(*tag).into());
                }
                let script = rule
                    .call3(
                        &JsValue::NULL,
                        &url.map_or(JsValue::UNDEFINED, JsValue::from),
                        &stored.map_or(JsValue::NULL, JsValue::from),
                        &list,
                    )
                    .expect("the rule runs")
                    .as_string();
                let core = resolve_mode(url.and_then(LangMode::parse), stored, languages);
                assert_eq!(
                    script.as_deref(),
                    Some(core.as_str()),
                    "{url:?} {stored:?} {languages:?}"
                );
                tried += 1;
            }
        }
    }
    assert_eq!(tried, 6 * 5 * 7);
}
