//! In front of the language server's service: the answers tower-lsp-server
//! leaves out, and how the session ended.
//!
//! - a message [`super::framing`] refused is answered here with its error, in any
//!   state of the session (tower-lsp-server would answer anything but
//!   `initialize` before initialisation with -32002);
//! - a request whose method starts with `$/` and that nobody handles gets
//!   MethodNotFound (tower-lsp-server drops the answer, as for a notification,
//!   and the client would wait for ever);
//! - `exit` without `shutdown` first ends the process with exit code 1, as the
//!   protocol says;
//! - `exit` sent right behind `shutdown`, before its answer, waits for that
//!   answer: tower-lsp-server would cancel the shutdown in flight (-32800) and
//!   the process would end with 1, though the client asked in the right order.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_service::Service;

use super::framing::REFUSED;

/// How the session went, for the exit code.
#[derive(Default)]
pub struct Ending {
    shut_down: AtomicBool,
    exited: AtomicBool,
    /// A `shutdown` has been received and not answered yet.
    shutting_down: AtomicBool,
}

impl Ending {
    /// 1 after `exit` without a successful `shutdown` before it, else 0.
    pub fn exit_code(&self) -> u8 {
        let unclean = self.exited.load(Ordering::SeqCst) && !self.shut_down.load(Ordering::SeqCst);
        u8::from(unclean)
    }
}

pub struct Guard<S> {
    inner: S,
    ending: Arc<Ending>,
}

impl<S> Guard<S> {
    pub fn new(inner: S, ending: Arc<Ending>) -> Guard<S> {
        Guard { inner, ending }
    }
}

type Answer<E> = Pin<Box<dyn Future<Output = Result<Option<Response>, E>> + Send>>;

impl<S> Service<Request> for Guard<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Answer<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        match req.method() {
            REFUSED => {
                let (_, id, params) = req.into_parts();
                let answer = id.map(|id| Response::from_error(id, refusal(params)));
                return Box::pin(std::future::ready(Ok(answer)));
            }
            "exit" => {
                self.ending.exited.store(true, Ordering::SeqCst);
                // The transport stops reading at `exit` whoever handles it, and
                // answers what is in flight before it ends: kept from the inner
                // service, the exit cancels nothing and the shutdown is answered.
                if self.ending.shutting_down.load(Ordering::SeqCst) {
                    return Box::pin(std::future::ready(Ok(None)));
                }
            }
            "shutdown" => self.ending.shutting_down.store(true, Ordering::SeqCst),
            _ => {}
        }
        let shutdown = req.method() == "shutdown";
        let unhandled_id = req.id().filter(|_| req.method().starts_with("$/")).cloned();
        let ending = self.ending.clone();
        let answer = self.inner.call(req);
        Box::pin(async move {
            let answer = answer.await;
            if shutdown {
                if matches!(&answer, Ok(Some(r)) if r.is_ok()) {
                    ending.shut_down.store(true, Ordering::SeqCst);
                }
                ending.shutting_down.store(false, Ordering::SeqCst);
            }
            let answer = answer?;
            Ok(match (answer, unhandled_id) {
                (None, Some(id)) => Some(Response::from_error(id, Error::method_not_found())),
                (answer, _) => answer,
            })
        })
    }
}

/// The error a stand-in request carries.
fn refusal(params: Option<Value>) -> Error {
    let params = params.unwrap_or_default();
    Error {
        code: ErrorCode::from(params["code"].as_i64().unwrap_or(-32700)),
        message: params["message"]
            .as_str()
            .unwrap_or("Parse error")
            .to_string()
            .into(),
        data: None,
    }
}
