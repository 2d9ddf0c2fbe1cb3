//! Stdin that says when it ends: at the end of input the server stops waiting
//! for answers from a client that is gone, so the process can end.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::watch;

pub struct NotifyEof<R> {
    inner: R,
    closing: watch::Sender<bool>,
}

impl<R> NotifyEof<R> {
    pub fn new(inner: R, closing: watch::Sender<bool>) -> NotifyEof<R> {
        NotifyEof { inner, closing }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for NotifyEof<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let wanted = buf.remaining() > 0;
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(result) = &poll {
            if result.is_err() || (wanted && buf.filled().len() == before) {
                self.closing.send_replace(true);
            }
        }
        poll
    }
}
