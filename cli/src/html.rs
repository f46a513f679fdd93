//! HTML text from the core's renderer (`newsletter_core::render`), for static pages and
//! feeds: the same elements, classes and markup rules as the viewer's DOM.
//!
//! [`Html`] is a small element tree that the renderer fills and [`Html::finish`] writes out.
//! Text and attribute values are always escaped; only the tool's own style sheet goes in
//! unescaped ([`Html::style`]).

use std::cell::RefCell;

use newsletter_core::lang::Modes;
use newsletter_core::render::Tree;

/// An element of the tree, by its place in [`Html`]'s list.
pub type Node = usize;

/// The tree's root: a fragment, written as its children only.
pub const ROOT: Node = 0;

struct Element {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    children: Vec<Child>,
}

enum Child {
    Element(Node),
    Text(String),
    /// The tool's own style sheet, never anything from a file.
    Style(&'static str),
}

/// Elements that have no end tag.
const VOID: [&str; 4] = ["meta", "link", "br", "input"];

pub struct Html {
    elements: RefCell<Vec<Element>>,
}

impl Html {
    pub fn new() -> Html {
        Html {
            elements: RefCell::new(vec![Element {
                tag: "",
                attrs: vec![],
                children: vec![],
            }]),
        }
    }

    /// The tool's own CSS as the content of `<style>` under `parent`.
    pub fn style(&self, parent: &Node, css: &'static str) {
        let style = self.element(parent, "style", "");
        self.elements.borrow_mut()[style]
            .children
            .push(Child::Style(css));
    }

    /// The tree as HTML text.
    pub fn finish(self) -> String {
        let elements = self.elements.into_inner();
        let mut out = String::new();
        for child in &elements[ROOT].children {
            write_child(&elements, child, &mut out);
        }
        out
    }
}

impl Default for Html {
    fn default() -> Html {
        Html::new()
    }
}

fn write_child(elements: &[Element], child: &Child, out: &mut String) {
    match child {
        Child::Text(text) => escape_into(text, false, out),
        Child::Style(css) => out.push_str(css),
        Child::Element(node) => {
            let element = &elements[*node];
            out.push('<');
            out.push_str(element.tag);
            for (name, value) in &element.attrs {
                out.push(' ');
                out.push_str(name);
                if !value.is_empty() {
                    out.push_str("=\"");
                    escape_into(value, true, out);
                    out.push('"');
                }
            }
            out.push('>');
            if VOID.contains(&element.tag) {
                return;
            }
            for child in &element.children {
                write_child(elements, child, out);
            }
            out.push_str("</");
            out.push_str(element.tag);
            out.push('>');
        }
    }
}

/// `text` escaped for HTML text, or for a double-quoted attribute value.
fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

impl Tree for Html {
    type Node = Node;

    fn element(&self, parent: &Node, tag: &'static str, class: &'static str) -> Node {
        let mut elements = self.elements.borrow_mut();
        let node = elements.len();
        let attrs = match class {
            "" => vec![],
            class => vec![("class", class.to_owned())],
        };
        elements.push(Element {
            tag,
            attrs,
            children: vec![],
        });
        elements[*parent].children.push(Child::Element(node));
        node
    }

    fn attr(&self, element: &Node, name: &'static str, value: &str) {
        let attrs = &mut self.elements.borrow_mut()[*element].attrs;
        match attrs.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => *old = value.to_owned(),
            None => attrs.push((name, value.to_owned())),
        }
    }

    fn lang_class(&self, element: &Node, class: &'static str, modes: Modes) {
        let hiding = modes.hiding_classes();
        let classes = match hiding.is_empty() {
            true => class.to_owned(),
            false => format!("{class} {hiding}"),
        };
        self.attr(element, "class", &classes);
    }

    fn text(&self, parent: &Node, text: &str) {
        self.elements.borrow_mut()[*parent]
            .children
            .push(Child::Text(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsletter_core::Text;

    fn block(zh: &str, en: &str) -> String {
        let html = Html::new();
        html.block(&ROOT, &Text::new(zh, en));
        html.finish()
    }

    #[test]
    fn markup_becomes_elements_and_everything_else_is_text() {
        assert_eq!(
            block("中文", "*Note* [FTC](https://ftc.gov/a?b=1&c=2)\n\nnext"),
            "<div class=\"nv-block nv-hide-en\" lang=\"zh\"><p>中文</p></div>\
             <div class=\"nv-block nv-hide-zh\" lang=\"en\"><p><em>Note</em> \
             <a class=\"nv-link\" href=\"https://ftc.gov/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">FTC</a></p><p>next</p></div>"
        );
        let hostile = block(
            "<script>alert(1)</script>",
            "[x](javascript:alert(1)) [q](https://e.org/\"onmouseover=\"x) <img src=x onerror=alert(1)>",
        );
        assert!(
            hostile.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            "{hostile}"
        );
        // A refused link keeps its words only; no tag or handler comes from the text.
        assert!(
            hostile.contains("<p>x q &lt;img src=x onerror=alert(1)&gt;</p>"),
            "{hostile}"
        );
    }

    #[test]
    fn attribute_values_are_quoted_and_empty_ones_written_bare() {
        let html = Html::new();
        let a = html.element(&ROOT, "a", "");
        html.attr(&a, "href", "https://e.org/?q=\"x\"&y=<z>");
        html.word(&a, "hidden", "");
        assert_eq!(
            html.finish(),
            "<a href=\"https://e.org/?q=&quot;x&quot;&amp;y=&lt;z&gt;\" hidden></a>"
        );
    }
}
