//! Main-content extraction: drop boilerplate, score blocks, emit paragraphs.
//!
//! The heuristic follows the idea of Readability: paragraphs vote for their
//! parent (and half for their grandparent) by length and comma count; the
//! best-scored container, discounted by its link density and favoured when it is
//! an `<article>`/`<main>`, is the article body, together with siblings that
//! scored nearly as well.

use super::dom::{Data, Dom, NodeId};

/// Elements never part of the article text.
const DROP_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe", "svg",
    "button", "select", "template", "object", "embed", "canvas", "input", "textarea", "label",
    "dialog", "menu", "head", "title", "video", "audio", "map",
];

/// Class/id words that mark boilerplate, matched against whole words of the
/// attribute split on non-alphanumerics, so `header-ad` matches but `heading`,
/// `shadow` and `read` do not.
const BOILER_WORDS: &[&str] = &[
    "ad", "ads", "adv", "comment", "comments", "nav", "menu", "banner", "footer", "masthead",
    "popup", "modal", "widget", "hidden", "signup", "consent",
];

/// Word stems that mark boilerplate wherever a class/id word starts with them
/// (`relatedposts`, `sharethis`, `advertisement`). Only stems that do not begin
/// ordinary article words belong here (not `comment`: `commentary`).
const BOILER_STEMS: &[&str] = &[
    "advert",
    "adsbygoogle",
    "adsense",
    "sponsor",
    "promo",
    "disqus",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "newsletter",
    "subscri",
    "cookie",
    "sidebar",
    "breadcrumb",
    "navbar",
    "navigation",
    "outbrain",
    "taboola",
    "paywall",
];

fn boiler_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    BOILER_WORDS.contains(&w.as_str()) || BOILER_STEMS.iter().any(|s| w.starts_with(s))
}

const BOILER_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
];

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "address",
    "hr",
    "body",
    "center",
];

/// Elements whose own text counts as a paragraph for scoring.
const PARAGRAPHS: &[&str] = &["p", "pre", "blockquote", "td", "li", "h2", "h3"];

fn is_boilerplate(dom: &Dom, id: NodeId, name: &str) -> bool {
    if DROP_TAGS.contains(&name) {
        return true;
    }
    // Containers of the whole page are never dropped for a class name.
    if matches!(name, "html" | "body" | "article" | "main" | "#root") {
        return false;
    }
    if dom.attr(id, "hidden").is_some()
        || dom
            .attr(id, "aria-hidden")
            .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    if let Some(style) = dom.attr(id, "style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if s.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    if dom
        .attr(id, "role")
        .is_some_and(|r| BOILER_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    ["class", "id"].iter().any(|k| {
        dom.attr(id, k).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(boiler_word)
        })
    })
}

/// Length in characters of `t` with whitespace runs collapsed, and its commas.
fn measure(t: &str) -> (usize, usize) {
    let len = t
        .split_whitespace()
        .map(|w| w.chars().count() + 1)
        .sum::<usize>();
    (len.saturating_sub(1), t.matches([',', '،', '，']).count())
}

/// Per-node measures, computed once bottom-up.
struct Stats {
    dropped: Vec<bool>,
    text: Vec<usize>,
    links: Vec<usize>,
    commas: Vec<usize>,
}

fn stats(dom: &Dom) -> Stats {
    let n = dom.nodes.len();
    let mut s = Stats {
        dropped: vec![false; n],
        text: vec![0; n],
        links: vec![0; n],
        commas: vec![0; n],
    };
    for id in 0..n {
        let parent_dropped = dom.nodes[id].parent.is_some_and(|p| s.dropped[p]);
        s.dropped[id] = parent_dropped
            || match &dom.nodes[id].data {
                Data::Element { name, .. } => is_boilerplate(dom, id, name),
                Data::Text(t) => {
                    (s.text[id], s.commas[id]) = measure(t);
                    false
                }
            };
    }
    // Children come after their parents: a reverse sweep sums bottom-up.
    for id in (1..n).rev() {
        if s.dropped[id] {
            continue;
        }
        if dom.name(id) == Some("a") {
            s.links[id] = s.text[id];
        }
        if let Some(p) = dom.nodes[id].parent {
            s.text[p] += s.text[id];
            s.links[p] += s.links[id];
            s.commas[p] += s.commas[id];
        }
    }
    s
}

fn link_density(s: &Stats, id: NodeId) -> f64 {
    if s.text[id] == 0 {
        0.0
    } else {
        s.links[id] as f64 / s.text[id] as f64
    }
}

/// The nodes that hold the article body, in document order.
fn main_nodes(dom: &Dom, s: &Stats) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![0.0f64; n];
    // A paragraph votes for its container (and half for the container's parent):
    // the container of the most prose is the article body.
    let vote = |score: &mut Vec<f64>, id: NodeId, len: usize, commas: usize| {
        let v = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        let parent = dom.nodes[id].parent;
        if let Some(p) = parent {
            score[p] += v;
            if let Some(g) = dom.nodes[p].parent {
                score[g] += v / 2.0;
            }
        }
    };
    let mut prose = vec![false; n];
    for (id, is_prose) in prose.iter_mut().enumerate() {
        if s.dropped[id] {
            continue;
        }
        let Some(name) = dom.name(id) else { continue };
        if PARAGRAPHS.contains(&name) {
            if s.text[id] >= 25 {
                vote(&mut score, id, s.text[id], s.commas[id]);
                *is_prose = true;
            }
        } else if BLOCKS.contains(&name) {
            // Text written straight into a div makes the div a paragraph.
            let (len, commas) = dom.nodes[id]
                .children
                .iter()
                .filter(|&&c| matches!(dom.nodes[c].data, Data::Text(_)))
                .fold((0, 0), |(l, c), &k| (l + s.text[k], c + s.commas[k]));
            if len >= 25 {
                vote(&mut score, id, len, commas);
                *is_prose = true;
            }
        }
    }
    let mut best: Option<(NodeId, f64)> = None;
    for (id, sc) in score.iter_mut().enumerate() {
        if *sc <= 0.0 || s.dropped[id] {
            continue;
        }
        let boost = match dom.name(id) {
            Some("article" | "main") => 1.5,
            _ if dom.attr(id, "itemprop").is_some_and(|p| p == "articleBody") => 1.5,
            _ => 1.0,
        };
        *sc *= (1.0 - link_density(s, id)) * boost;
        match best {
            Some((_, b)) if *sc <= b => {}
            _ => best = Some((id, *sc)),
        }
    }
    let Some((top, top_score)) = best else {
        // No paragraphs at all: take the whole page and let the block filter work.
        return vec![0];
    };
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    // Siblings that are prose themselves, or hold a fair share of it, belong to
    // the same article: bodies are often split across sibling containers by ads.
    dom.nodes[parent]
        .children
        .iter()
        .copied()
        .filter(|&c| {
            c == top
                || (!s.dropped[c]
                    && s.text[c] >= 80
                    && link_density(s, c) < 0.25
                    && (prose[c] || score[c] >= top_score * 0.2))
        })
        .collect()
}

/// Accumulates blocks of text while walking the tree.
struct Blocks {
    out: Vec<String>,
    cur: String,
    cur_links: usize,
    cur_len: usize,
    in_link: usize,
    in_pre: usize,
}

impl Blocks {
    fn flush(&mut self) {
        let text = self
            .cur
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n");
        let text = text.trim();
        let dense_links = self.cur_len > 0 && self.cur_links * 2 > self.cur_len;
        if !text.is_empty() && !dense_links {
            self.out.push(text.to_string());
        }
        self.cur.clear();
        self.cur_links = 0;
        self.cur_len = 0;
    }

    fn text(&mut self, t: &str) {
        // Count only the characters added: recounting the whole block would
        // make a block of many small inline elements quadratic.
        let before = self.cur.len();
        if self.in_pre > 0 {
            self.cur.push_str(t);
        } else {
            // Collapse HTML whitespace, keeping one space at word boundaries.
            if t.starts_with(|c: char| c.is_ascii_whitespace())
                && !self.cur.is_empty()
                && !self.cur.ends_with([' ', '\n'])
            {
                self.cur.push(' ');
            }
            let mut words = t.split_ascii_whitespace().peekable();
            while let Some(w) = words.next() {
                self.cur.push_str(w);
                if words.peek().is_some() {
                    self.cur.push(' ');
                }
            }
            if t.ends_with(|c: char| c.is_ascii_whitespace()) && !self.cur.is_empty() {
                self.cur.push(' ');
            }
        }
        let added = self.cur[before..].chars().count();
        self.cur_len += added;
        if self.in_link > 0 {
            self.cur_links += added;
        }
    }
}

/// The article text of a page: its main blocks separated by blank lines.
pub(crate) fn extract(dom: &Dom) -> String {
    let s = stats(dom);
    let mut b = Blocks {
        out: Vec::new(),
        cur: String::new(),
        cur_links: 0,
        cur_len: 0,
        in_link: 0,
        in_pre: 0,
    };
    for root in main_nodes(dom, &s) {
        // Iterative walk: pages nest deeply enough to overflow a recursive one.
        let mut stack: Vec<(NodeId, usize)> = vec![(root, 0)];
        enter(dom, root, &mut b);
        while let Some(&mut (id, ref mut k)) = stack.last_mut() {
            let children = &dom.nodes[id].children;
            if *k < children.len() {
                let c = children[*k];
                *k += 1;
                if s.dropped[c] {
                    continue;
                }
                enter(dom, c, &mut b);
                if matches!(dom.nodes[c].data, Data::Element { .. }) {
                    stack.push((c, 0));
                }
            } else {
                stack.pop();
                leave(dom, id, &mut b);
            }
        }
        b.flush();
    }
    b.out.join("\n\n")
}

fn enter(dom: &Dom, id: NodeId, b: &mut Blocks) {
    match &dom.nodes[id].data {
        Data::Text(t) => b.text(t),
        Data::Element { name, .. } => match name.as_str() {
            "br" => b.cur.push('\n'),
            "a" => b.in_link += 1,
            "pre" => {
                b.flush();
                b.in_pre += 1;
            }
            n if BLOCKS.contains(&n) => b.flush(),
            _ => {}
        },
    }
}

fn leave(dom: &Dom, id: NodeId, b: &mut Blocks) {
    match dom.name(id) {
        Some("a") => b.in_link = b.in_link.saturating_sub(1),
        Some("pre") => {
            b.flush();
            b.in_pre = b.in_pre.saturating_sub(1);
        }
        Some(n) if BLOCKS.contains(&n) => b.flush(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::boiler_word;

    #[test]
    fn boilerplate_words() {
        for w in [
            "ad",
            "ADS",
            "relatedposts",
            "sharethis",
            "advertisement",
            "comments",
            "Sidebar",
        ] {
            assert!(boiler_word(w), "{w}");
        }
        for w in [
            "commentary",
            "heading",
            "shadow",
            "read",
            "address",
            "story",
            "body",
        ] {
            assert!(!boiler_word(w), "{w}");
        }
    }
}
