//! The reader's own dataset kept in the browser with the Cache API, so it opens again on
//! reload and offline. One file per copy of the explorer: the key is a URL under the app's
//! own path. The cache's name does not start with the service worker's prefix
//! (`korea2010:<scope>:`), so a new build's worker never deletes it. Where there is no
//! Cache API (a page opened from disk), nothing is kept and the callers say so.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, CacheStorage, Response};

const CACHE: &str = "korea2010-kept";

/// A kept file: its name and its text, as the reader opened it.
#[derive(Clone, Debug)]
pub struct Kept {
    pub name: String,
    pub text: String,
}

fn key() -> Option<String> {
    let href = gloo::utils::window().location().href().ok()?;
    Some(
        web_sys::Url::new_with_base("kept-dataset.json", &href)
            .ok()?
            .href(),
    )
}

fn storage() -> Option<CacheStorage> {
    // `caches` is missing outside secure contexts: test before calling into it.
    let storage =
        js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("caches")).ok()?;
    storage.dyn_into().ok()
}

/// The cache, made only to store a file: merely looking leaves no empty cache behind.
async fn cache(create: bool) -> Option<Cache> {
    let storage = storage()?;
    if !create {
        let exists = JsFuture::from(storage.has(CACHE)).await.ok()?;
        if exists.as_bool() != Some(true) {
            return None;
        }
    }
    JsFuture::from(storage.open(CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// The kept file, if there is one.
pub async fn load() -> Option<Kept> {
    let (cache, key) = (cache(false).await?, key()?);
    let found = JsFuture::from(cache.match_with_str(&key)).await.ok()?;
    let response: Response = found.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let (name, text) = crate::data::kept::read(&text)?;
    Some(Kept { name, text })
}

/// Keeps `kept` in place of any earlier file; `false` when the browser does not allow it.
pub async fn store(kept: &Kept) -> bool {
    let stored = async {
        let (cache, key) = (cache(true).await?, key()?);
        let body = crate::data::kept::body(&kept.name, &kept.text);
        let response = Response::new_with_opt_str(Some(&body)).ok()?;
        JsFuture::from(cache.put_with_str(&key, &response))
            .await
            .ok()
    };
    stored.await.is_some()
}

/// Forgets the kept file, and the cache once no copy of the explorer keeps anything in it.
pub async fn forget() {
    let (Some(storage), Some(cache), Some(key)) = (storage(), cache(false).await, key()) else {
        return;
    };
    let _ = JsFuture::from(cache.delete_with_str(&key)).await;
    let left = JsFuture::from(cache.keys()).await.ok();
    if left.is_some_and(|keys| js_sys::Array::from(&keys).length() == 0) {
        let _ = JsFuture::from(storage.delete(CACHE)).await;
    }
}
