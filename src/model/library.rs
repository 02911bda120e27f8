//! Saved scenarios: a named list of scenario codes, with the rules for
//! saving, renaming, duplicating and deleting. Stored as JSON by the view;
//! nothing here touches storage.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::codec::MAX_NAME_CHARS;

/// The version of the stored list's JSON.
pub const LIBRARY_VERSION: u32 = 1;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The name it was saved under; unique in the list.
    pub name: String,
    /// Its link code (see [`super::codec`]).
    pub code: String,
    /// When it was saved, ISO 8601 (UTC).
    pub saved_at: String,
}

/// The saved scenarios, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// Why a change to the list was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LibraryError {
    /// A name that is blank.
    #[error("a saved scenario needs a name")]
    EmptyName,
    /// A name longer than [`MAX_NAME_CHARS`].
    #[error("the name is longer than {MAX_NAME_CHARS} characters")]
    NameTooLong,
    /// Another entry has this name (and overwriting was not asked for).
    #[error("a saved scenario is already called {0}")]
    NameTaken(String),
    /// No entry has this name.
    #[error("no saved scenario is called {0}")]
    NotFound(String),
}

/// The stored list could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("the saved list is unreadable: {0}")]
pub struct UnreadableLibrary(pub String);

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    entries: Vec<serde_json::Value>,
}

fn checked_name(name: &str) -> Result<String, LibraryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LibraryError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(LibraryError::NameTooLong);
    }
    Ok(name.to_owned())
}

impl Library {
    /// Reads the stored JSON. Entries that do not have the expected shape
    /// are returned apart, as JSON text, so that the caller can set them
    /// aside instead of losing them.
    ///
    /// # Errors
    ///
    /// [`UnreadableLibrary`] when the text is not the list at all (not
    /// JSON, another shape, a newer version).
    pub fn from_json(text: &str) -> Result<(Library, Vec<String>), UnreadableLibrary> {
        let stored: Stored = serde_json::from_str(text).map_err(|e| UnreadableLibrary(e.to_string()))?;
        if stored.version != LIBRARY_VERSION {
            return Err(UnreadableLibrary(format!("version {}", stored.version)));
        }
        let mut lib = Library::default();
        let mut unreadable = Vec::new();
        for raw in stored.entries {
            match serde_json::from_value::<Entry>(raw.clone()) {
                Ok(e) if checked_name(&e.name).is_ok() && lib.find(&e.name).is_none() => lib.entries.push(e),
                _ => unreadable.push(raw.to_string()),
            }
        }
        Ok((lib, unreadable))
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        let entries = self.entries.iter().filter_map(|e| serde_json::to_value(e).ok()).collect();
        serde_json::to_string(&Stored { version: LIBRARY_VERSION, entries }).unwrap_or_default()
    }

    /// The entry with this name.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name.trim())
    }

    /// Saves `code` under `name`, newest first. An existing entry of that
    /// name is replaced only when `overwrite` is true.
    ///
    /// # Errors
    ///
    /// [`LibraryError::NameTaken`] when the name is in use and `overwrite`
    /// is false; name errors as [`Library::rename`].
    pub fn save(&mut self, name: &str, code: &str, saved_at: &str, overwrite: bool) -> Result<(), LibraryError> {
        let name = checked_name(name)?;
        if let Some(i) = self.entries.iter().position(|e| e.name == name) {
            if !overwrite {
                return Err(LibraryError::NameTaken(name));
            }
            self.entries.remove(i);
        }
        self.entries.insert(0, Entry { name, code: code.to_owned(), saved_at: saved_at.to_owned() });
        Ok(())
    }

    /// Renames an entry.
    ///
    /// # Errors
    ///
    /// [`LibraryError::NotFound`], [`LibraryError::EmptyName`],
    /// [`LibraryError::NameTooLong`], or [`LibraryError::NameTaken`] when
    /// another entry has the new name.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), LibraryError> {
        let to = checked_name(to)?;
        let i = self.position(from)?;
        if self.entries[i].name == to {
            return Ok(());
        }
        if self.find(&to).is_some() {
            return Err(LibraryError::NameTaken(to));
        }
        self.entries[i].name = to;
        Ok(())
    }

    /// Copies an entry under the first free name "name suffix",
    /// "name suffix 2", …; returns the new name.
    ///
    /// # Errors
    ///
    /// [`LibraryError::NotFound`].
    pub fn duplicate(&mut self, name: &str, suffix: &str, saved_at: &str) -> Result<String, LibraryError> {
        let i = self.position(name)?;
        let original = self.entries[i].clone();
        let stem: String =
            original.name.chars().take(MAX_NAME_CHARS.saturating_sub(suffix.chars().count() + 4)).collect();
        // At most one more candidate than there are entries can be taken.
        let new_name = (1..=self.entries.len() + 1)
            .map(|n| if n == 1 { format!("{stem}{suffix}") } else { format!("{stem}{suffix} {n}") })
            .find(|candidate| self.find(candidate).is_none())
            .unwrap_or_default();
        self.entries.insert(i, Entry { name: new_name.clone(), code: original.code, saved_at: saved_at.to_owned() });
        Ok(new_name)
    }

    /// Deletes an entry and returns it.
    ///
    /// # Errors
    ///
    /// [`LibraryError::NotFound`].
    pub fn delete(&mut self, name: &str) -> Result<Entry, LibraryError> {
        let i = self.position(name)?;
        Ok(self.entries.remove(i))
    }

    fn position(&self, name: &str) -> Result<usize, LibraryError> {
        self.entries.iter().position(|e| e.name == name).ok_or_else(|| LibraryError::NotFound(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_never_overwrites_unless_asked() {
        let mut lib = Library::default();
        lib.save("方案 A", "c1", "t1", false).unwrap();
        lib.save("方案 B", "c2", "t2", false).unwrap();
        assert_eq!(lib.save(" 方案 A ", "c3", "t3", false), Err(LibraryError::NameTaken("方案 A".into())));
        assert_eq!(lib.find("方案 A").unwrap().code, "c1");
        lib.save("方案 A", "c3", "t3", true).unwrap();
        assert_eq!(lib.entries.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), ["c3", "c2"]);
        assert_eq!(lib.save("  ", "c", "t", false), Err(LibraryError::EmptyName));
        assert_eq!(lib.save(&"长".repeat(101), "c", "t", false), Err(LibraryError::NameTooLong));
    }

    #[test]
    fn rename_duplicate_delete() {
        let mut lib = Library::default();
        lib.save("A", "c1", "t1", false).unwrap();
        lib.save("B", "c2", "t2", false).unwrap();
        assert_eq!(lib.rename("A", "B"), Err(LibraryError::NameTaken("B".into())));
        lib.rename("A", "C").unwrap();
        assert_eq!(lib.duplicate("C", "（副本）", "t3").unwrap(), "C（副本）");
        assert_eq!(lib.duplicate("C", "（副本）", "t4").unwrap(), "C（副本） 2");
        assert_eq!(lib.find("C（副本） 2").unwrap().code, "c1");
        assert_eq!(lib.delete("B").unwrap().code, "c2");
        assert_eq!(lib.delete("B"), Err(LibraryError::NotFound("B".into())));
        assert_eq!(lib.entries.len(), 3);
    }

    #[test]
    fn reading_sets_odd_entries_apart_and_refuses_other_shapes() {
        let mut lib = Library::default();
        lib.save("A", "c1", "t1", false).unwrap();
        let (back, odd) = Library::from_json(&lib.to_json()).unwrap();
        assert_eq!((back, odd.len()), (lib, 0));
        let mixed = r#"{"version":1,"entries":[{"name":"A","code":"x","saved_at":"t"},{"name":5},{"name":"A","code":"y","saved_at":"t"}]}"#;
        let (back, odd) = Library::from_json(mixed).unwrap();
        assert_eq!(back.entries.len(), 1);
        assert_eq!(odd, [r#"{"name":5}"#, r#"{"code":"y","name":"A","saved_at":"t"}"#]);
        assert!(Library::from_json("{not json").is_err());
        assert!(Library::from_json(r#"{"version":2,"entries":[]}"#).is_err());
        assert!(Library::from_json("[]").is_err());
    }
}
