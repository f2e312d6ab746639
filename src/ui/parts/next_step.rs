//! The call to action on every result: a free assessment, by phone or online.

use yew::prelude::*;

use crate::options::tel_href;
use crate::ui::text::Text;
use crate::ui::Link;

/// The call to action's words and links: for the screens and the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct NextStepView {
    pub heading: String,
    pub lead: String,
    pub call: Option<Link>,
    pub contact: Option<Link>,
}

pub(in crate::ui) fn next_step(t: &Text) -> NextStepView {
    NextStepView {
        heading: t.get("result.next"),
        lead: t.get("result.next.lead"),
        call: t.options.phone.as_ref().map(|phone| {
            Link::new(
                format!("{} · {phone}", t.get("result.call")),
                &tel_href(phone),
            )
        }),
        contact: t
            .options
            .contact_url
            .as_ref()
            .map(|url| Link::new(t.get("result.contact"), url)),
    }
}

/// The call button's words with the number kept on one line (`iof-phone`):
/// a number broken across two lines can be misread.
fn phone_on_one_line(t: &Text, text: &str) -> Html {
    match t
        .options
        .phone
        .as_deref()
        .and_then(|p| Some((text.strip_suffix(p)?, p)))
    {
        Some((label, phone)) => html! { <>{ label }<span class="iof-phone">{ phone }</span></> },
        None => html! { { text } },
    }
}

pub(in crate::ui) fn view(t: &Text) -> Html {
    let v = next_step(t);
    html! {
        <section class="iof-next">
            <h3>{ v.heading }</h3>
            <p>{ v.lead }</p>
            if let Some(call) = v.call {
                <a class="iof-link-button iof-primary" href={call.href} data-action="call">{ phone_on_one_line(t, &call.text) }</a>
            }
            if let Some(contact) = v.contact {
                <a class="iof-link-button" href={contact.href} data-action="contact">{ contact.text }</a>
            }
        </section>
    }
}
