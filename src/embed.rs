//! The embed code a reader copies to put the explorer into another page: an `<iframe>` of the
//! compact page (`embed=` in the link) that needs no script on the host page and works from
//! any static host and sub-path.

use crate::url::{format, Embed, Layout, PhoneTab, UrlState};

/// The link state an embed of `url` shows: the views on screen now (the one on stage, else
/// all four), nothing folded.
pub fn embedded(url: &UrlState) -> UrlState {
    let views = match url.layout.stage {
        Some(view) => vec![view],
        None => PhoneTab::ALL.to_vec(),
    };
    UrlState {
        layout: Layout {
            embed: Embed::of(&views),
            ..Layout::default()
        },
        ..url.clone()
    }
}

/// The full explorer's link for an embedded one: the same state without `embed=`.
pub fn full(url: &UrlState) -> UrlState {
    UrlState {
        layout: Layout {
            embed: None,
            ..url.layout
        },
        ..url.clone()
    }
}

/// The `<iframe>` snippet for the page at `page` (origin and path, no fragment) showing `url`.
pub fn snippet(page: &str, url: &UrlState, title: &str) -> String {
    let src = format!("{page}#{}", format(&embedded(url)));
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0;max-width:720px\" loading=\"lazy\"></iframe>",
        attribute(&src),
        attribute(title)
    )
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{parse, Route};

    #[test]
    fn the_snippet_embeds_the_views_on_screen_with_the_rest_of_the_link() {
        let (url, _) =
            parse("/event/2010-11-23-yeonpyeong-shelling?country=china&stage=map&hide=filters");
        let code = snippet("https://example.org/korea/", &url, "Korea 2010 & more");
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/korea/#/event/2010-11-23-yeonpyeong-shelling?country=china&amp;embed=map\" \
             title=\"Korea 2010 &amp; more\" width=\"100%\" height=\"640\" style=\"border:0;max-width:720px\" loading=\"lazy\"></iframe>"
        );
        let all = embedded(&UrlState::default());
        assert_eq!(
            all.layout.embed.map(Embed::views),
            Some(PhoneTab::ALL.to_vec())
        );
    }

    #[test]
    fn the_full_explorer_keeps_everything_but_the_embed() {
        let (url, _) = parse("/event/a-b?lanes=storylines&stage=timeline&embed=timeline,map");
        let whole = full(&url);
        assert_eq!(whole.layout.embed, None);
        assert_eq!(whole.layout.stage, Some(PhoneTab::Timeline));
        assert_eq!(whole.route, Route::Event("a-b".into()));
        assert_eq!(format(&whole), "/event/a-b?lanes=storylines&stage=timeline");
    }
}
