//! The print briefing's place in the page: it is an on-demand panel
//! (see `extras`), loaded when printing is asked for (the print button,
//! Ctrl+P, or the page being printed). A print started from the browser's
//! menu comes too soon for it; the next print has it. If it cannot be
//! loaded, a print asked for goes ahead without it and the next one tries
//! again.

use yew::prelude::*;

use crate::components::extra_host::ExtraHost;
use crate::extras::Kind;
use crate::i18n::Lang;

/// The briefing's host, and how to print with it.
pub struct Briefing {
    /// The host element, once printing has been asked for.
    pub host: Html,
    /// Prints, loading the briefing first if it is not there yet.
    pub print: Callback<()>,
}

/// See the module.
#[hook]
pub fn use_briefing(lang: Lang) -> Briefing {
    let wanted = use_state_eq(|| false);
    let ready = use_mut_ref(|| false);
    let print_when_ready = use_mut_ref(|| false);
    let print = {
        let (wanted, ready, later) = (wanted.clone(), ready.clone(), print_when_ready.clone());
        Callback::from(move |()| {
            if *ready.borrow() {
                crate::web::print();
            } else {
                *later.borrow_mut() = true;
                wanted.set(true);
            }
        })
    };
    let mounted = {
        let (ready, later) = (ready.clone(), print_when_ready.clone());
        Callback::from(move |()| {
            *ready.borrow_mut() = true;
            if std::mem::take(&mut *later.borrow_mut()) {
                // After the briefing's first render, which follows its mount.
                gloo::timers::callback::Timeout::new(0, crate::web::print).forget();
            }
        })
    };
    let failed = {
        let (wanted, later) = (wanted.clone(), print_when_ready.clone());
        Callback::from(move |()| {
            wanted.set(false);
            if std::mem::take(&mut *later.borrow_mut()) {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
        })
    };
    {
        let wanted = wanted.clone();
        use_effect_with((), move |()| {
            let listeners = crate::web::watch_printing(move |on| {
                if on {
                    wanted.set(true);
                }
            });
            move || drop(listeners)
        });
    }
    let host = if *wanted {
        html! { <ExtraHost {lang} kind={Kind::Briefing} open={*print_when_ready.borrow()} on_mounted={mounted} on_failed={failed} /> }
    } else {
        html! {}
    };
    Briefing { host, print }
}
