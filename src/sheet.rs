//! The page's side of the spreadsheet worker (XLSX open and save): for
//! now only the messages it exchanges with the worker.

pub mod protocol;

pub use protocol::SheetError;
