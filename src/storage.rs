//! The browser's local storage for saved scenarios: the one module that
//! touches `localStorage`. Nothing is deleted here: a list that cannot be
//! read is copied aside under its own key before anything is written.

use crate::model::library::Library;

/// The key of the saved list.
pub const KEY: &str = "doubling-sandbox/scenarios/v1";
/// The key of the workshop (`model::workshop::store`'s JSON).
pub const WORKSHOP_KEY: &str = "doubling-sandbox/workshop/v1";
/// Prefix of keys where unreadable data is set aside.
pub const ASIDE_PREFIX: &str = "doubling-sandbox/set-aside/";

/// What went wrong with storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is off (private mode, a policy, disabled cookies).
    Unavailable,
    /// Storage is full.
    Full,
    /// Some or all stored data could not be read; it was copied to `key`.
    SetAside {
        /// Where it is now.
        key: String,
    },
    /// Any other refusal, with the browser's words.
    Failed(String),
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .ok_or(StorageProblem::Unavailable)?
        .local_storage()
        .map_err(|_| StorageProblem::Unavailable)?
        .ok_or(StorageProblem::Unavailable)
}

fn set_aside(store: &web_sys::Storage, text: &str) -> StorageProblem {
    let key = format!("{ASIDE_PREFIX}{}", js_sys::Date::now());
    match store.set_item(&key, text) {
        Ok(()) => StorageProblem::SetAside { key },
        Err(e) => classify(&e),
    }
}

fn classify(e: &wasm_bindgen::JsValue) -> StorageProblem {
    use wasm_bindgen::JsCast;
    let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
    if name.contains("Quota") {
        StorageProblem::Full
    } else if name.contains("Security") {
        StorageProblem::Unavailable
    } else {
        StorageProblem::Failed(crate::web::js_error(e.clone()))
    }
}

/// What [`load`] found.
pub struct Loaded {
    /// The entries that could be read.
    pub library: Library,
    /// What went wrong, if anything.
    pub problem: Option<StorageProblem>,
    /// False when unreadable data is still under [`KEY`] (it could not be
    /// set aside): saving would overwrite it, so saving stays off.
    pub writable: bool,
}

/// Loads the saved list. Problems are reported beside whatever could be
/// read; unreadable data is set aside, never dropped.
pub fn load() -> Loaded {
    let fail = |problem, writable| Loaded { library: Library::default(), problem: Some(problem), writable };
    let store = match storage() {
        Ok(s) => s,
        Err(p) => return fail(p, false),
    };
    let text = match store.get_item(KEY) {
        Ok(Some(t)) => t,
        Ok(None) => return Loaded { library: Library::default(), problem: None, writable: true },
        Err(e) => return fail(classify(&e), false),
    };
    match Library::from_json(&text) {
        Ok((library, odd)) if odd.is_empty() => Loaded { library, problem: None, writable: true },
        Ok((library, odd)) => {
            let problem = set_aside(&store, &format!("[{}]", odd.join(",")));
            // The list is rewritten without the odd entries only once they are safe.
            let writable = matches!(problem, StorageProblem::SetAside { .. });
            Loaded { library, problem: Some(problem), writable }
        }
        Err(_) => {
            let problem = set_aside(&store, &text);
            let writable = matches!(problem, StorageProblem::SetAside { .. });
            fail(problem, writable)
        }
    }
}

/// Whether the saved list has to be read to show the page truthfully:
/// storage holds a list (its count, or a problem with it, is on screen)
/// or cannot be reached (saving is off, and the page says so).
pub fn needs_reading() -> bool {
    storage().map_or(true, |store| !matches!(store.get_item(KEY), Ok(None)))
}

/// Stores the list.
///
/// # Errors
///
/// A [`StorageProblem`]; the caller keeps its list as it was.
pub fn store(lib: &Library) -> Result<(), StorageProblem> {
    storage()?.set_item(KEY, &lib.to_json()).map_err(|e| classify(&e))
}

/// The text stored under `key`, if any.
///
/// # Errors
///
/// A [`StorageProblem`] when storage cannot be read.
pub fn load_text(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?.get_item(key).map_err(|e| classify(&e))
}

/// Stores `text` under `key`.
///
/// # Errors
///
/// A [`StorageProblem`]; nothing is changed then.
pub fn store_text(key: &str, text: &str) -> Result<(), StorageProblem> {
    storage()?.set_item(key, text).map_err(|e| classify(&e))
}

/// Copies unreadable `text` aside under its own key, so that whatever is
/// written next under the original key loses nothing: where it went, or
/// why it could not be kept.
pub fn keep_aside(text: &str) -> StorageProblem {
    match storage() {
        Ok(store) => set_aside(&store, text),
        Err(p) => p,
    }
}
