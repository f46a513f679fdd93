//! XML documents (Atom feeds, the sitemap), written with quick-xml's writer: every text and
//! attribute value is escaped by it, nothing is pasted together.

use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

pub type Xml = Writer<Vec<u8>>;

/// A document: the declaration, then `<root …attributes>` holding what `body` writes;
/// indented, with a final newline.
pub fn document(
    root: &str,
    attributes: &[(&str, &str)],
    body: impl FnOnce(&mut Xml) -> io::Result<()>,
) -> Vec<u8> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let result = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| {
            writer
                .create_element(root)
                .with_attributes(attributes.iter().copied())
                .write_inner_content(body)
                .map(|_| ())
        });
    result.expect("writing to memory does not fail");
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    bytes
}

/// `<name>text</name>`.
pub fn text(w: &mut Xml, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}
