//! A forgiving HTML tag scanner that builds a small element tree.
//!
//! It is not an HTML5 tree builder: it knows void elements, raw-text elements
//! (`script`, `style`...), the common implied end tags (`p`, `li`, table cells) and
//! recovers from stray end tags by ignoring them. That is enough to find the
//! paragraphs of a news page; it never fails, whatever the input.

use super::entities;

/// Index of a node in [`Dom::nodes`]. Node 0 is a synthetic root. Nodes are stored
/// in document order, so a parent's index is always below its children's.
pub(crate) type NodeId = usize;

#[derive(Debug)]
pub(crate) enum Data {
    /// A lowercase tag name and its attributes (lowercase names, decoded values).
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// Text, with character references decoded (except inside `script`/`style`).
    Text(String),
}

#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: Data,
}

#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is not markup; `decode` says whether references count.
fn raw_text(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

/// Open elements kept at most. Deeper ones are kept as empty leaves (their
/// content goes to the deepest open element): real pages nest a few dozen levels,
/// and the cap keeps end-tag matching linear on broken or hostile input.
const MAX_DEPTH: usize = 256;

/// Elements that end an open `<p>` when they start.
const CLOSES_P: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "article",
    "aside",
    "blockquote",
    "pre",
    "header",
    "footer",
    "nav",
    "form",
    "hr",
    "figure",
    "main",
    "address",
    "fieldset",
];

impl Dom {
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { name, .. } => Some(name),
            Data::Text(_) => None,
        }
    }

    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            Data::Text(_) => None,
        }
    }

    /// Concatenated text below `id`, in document order.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(t) => out.push_str(t),
                Data::Element { .. } => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }

    fn push(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Parses `html` into a tree. Never fails.
    pub fn parse(html: &str) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                data: Data::Element {
                    name: "#root".into(),
                    attrs: Vec::new(),
                },
            }],
        };
        // ASCII lowercasing keeps byte offsets, so end tags are found in `lower`.
        let lower = html.to_ascii_lowercase();
        let b = html.as_bytes();
        let mut stack: Vec<NodeId> = vec![0];
        let mut i = 0;
        while i < b.len() {
            let top = *stack.last().unwrap_or(&0);
            if b[i] != b'<' {
                let end = html[i..].find('<').map_or(b.len(), |j| i + j);
                dom.push(
                    top,
                    Data::Text(entities::decode(&html[i..end]).into_owned()),
                );
                i = end;
                continue;
            }
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            if html[i..].starts_with("<!--") {
                i = lower[i + 4..]
                    .find("-->")
                    .map_or(b.len(), |j| i + 4 + j + 3);
            } else if next == b'!' || next == b'?' {
                i = html[i..].find('>').map_or(b.len(), |j| i + j + 1);
            } else if next == b'/' && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                let (name, after) = tag_name(&lower, i + 2);
                i = html[after..].find('>').map_or(b.len(), |j| after + j + 1);
                if let Some(k) = stack.iter().rposition(|&n| dom.name(n) == Some(name)) {
                    if k > 0 {
                        stack.truncate(k);
                    }
                }
            } else if next.is_ascii_alphabetic() {
                let (name, after) = tag_name(&lower, i + 1);
                let name = name.to_string();
                let (attrs, self_closing, end) = attributes(html, &lower, after);
                i = end;
                close_implied(&dom, &mut stack, &name);
                let parent = *stack.last().unwrap_or(&0);
                let raw = raw_text(&name);
                let void = VOID.contains(&name.as_str()) || self_closing;
                let id = dom.push(parent, Data::Element { name, attrs });
                if let Some(decode) = raw {
                    let close = format!("</{}", dom.name(id).unwrap_or(""));
                    let stop = lower[i..].find(&close).map_or(b.len(), |j| i + j);
                    let content = &html[i..stop];
                    let text = if decode {
                        entities::decode(content).into_owned()
                    } else {
                        content.to_string()
                    };
                    dom.push(id, Data::Text(text));
                    i = html[stop..].find('>').map_or(b.len(), |j| stop + j + 1);
                } else if !void && stack.len() < MAX_DEPTH {
                    stack.push(id);
                }
            } else {
                dom.push(top, Data::Text("<".into()));
                i += 1;
            }
        }
        dom
    }
}

/// Reads a tag name starting at `at`; returns it (lowercase) and where it ends.
fn tag_name(lower: &str, at: usize) -> (&str, usize) {
    let len = lower[at..]
        .bytes()
        .take_while(|&c| !c.is_ascii_whitespace() && c != b'>' && c != b'/')
        .count();
    (&lower[at..at + len], at + len)
}

/// Parses attributes from `at` to the closing `>`; returns them, whether the tag
/// was self-closing (`/>`), and the offset after the `>`.
fn attributes(html: &str, lower: &str, mut at: usize) -> (Vec<(String, String)>, bool, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() {
            return (attrs, false, at);
        }
        if b[at] == b'>' {
            let self_closing = at > 0 && b[at - 1] == b'/';
            return (attrs, self_closing, at + 1);
        }
        let start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        // Never stall on a stray byte such as a lone '='.
        let name = lower[start..at].to_string();
        if at == start {
            at += 1;
            continue;
        }
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if at < b.len() && b[at] == b'=' {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            if at < b.len() && (b[at] == b'"' || b[at] == b'\'') {
                let q = b[at] as char;
                let end = html[at + 1..].find(q).map_or(b.len(), |j| at + 1 + j);
                value = entities::decode(&html[at + 1..end]).into_owned();
                at = (end + 1).min(b.len());
            } else {
                let start = at;
                while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                    at += 1;
                }
                value = entities::decode(&html[start..at]).into_owned();
            }
        }
        attrs.push((name, value));
    }
}

/// Pops the elements a start tag `name` implicitly ends.
fn close_implied(dom: &Dom, stack: &mut Vec<NodeId>, name: &str) {
    let top_is = |stack: &Vec<NodeId>, n: &str| {
        stack.len() > 1 && stack.last().and_then(|&t| dom.name(t)) == Some(n)
    };
    if CLOSES_P.contains(&name) && top_is(stack, "p") {
        stack.pop();
    }
    // Siblings that end each other, up to the container that bounds them.
    let (ends, bound): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "option" => (&["option"], &["select", "datalist"]),
        _ => return,
    };
    for k in (1..stack.len()).rev() {
        let n = dom.name(stack[k]).unwrap_or("");
        if bound.contains(&n) {
            return;
        }
        if ends.contains(&n) {
            stack.truncate(k);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_tree() {
        let dom = Dom::parse(
            "<p class=a>one<p>two &amp; <b>three</i></b></p><script>if (a<b) {}</script><ul><li>x<li>y</ul><br/>",
        );
        let names: Vec<_> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Element { name, .. } => Some(name.as_str()),
                Data::Text(_) => None,
            })
            .collect();
        assert_eq!(
            names,
            ["#root", "p", "p", "b", "script", "ul", "li", "li", "br"]
        );
        let nth = |name: &str, k: usize| {
            (0..dom.nodes.len())
                .filter(|&i| dom.name(i) == Some(name))
                .nth(k)
                .unwrap()
        };
        assert_eq!(dom.text(nth("p", 1)), "two & three");
        assert_eq!(dom.attr(nth("p", 0), "class"), Some("a"));
        assert_eq!(dom.text(nth("script", 0)), "if (a<b) {}");
        assert_eq!(dom.text(nth("li", 0)), "x");
        // Both paragraphs are children of the root, not nested.
        assert_eq!(dom.nodes[nth("p", 1)].parent, Some(0));
    }

    #[test]
    fn deep_nesting_stays_linear() {
        let html = "<div>".repeat(100_000) + "x" + &"</span>".repeat(100_000);
        let start = std::time::Instant::now();
        let dom = Dom::parse(&html);
        assert_eq!(dom.text(0), "x");
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn never_stalls_on_garbage() {
        for s in [
            "<", "<a", "<a =", "<a b='", "</", "<!--", "<p <<>>", "&", "<script>", "<a/",
        ] {
            let _ = Dom::parse(s);
        }
    }
}
