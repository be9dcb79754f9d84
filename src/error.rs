//! The one error type of the public API.

use std::fmt;

/// Why [`analyze`](crate::analyze) refused an input.
///
/// Opaque on purpose: callers show the message; new kinds can be added without breaking them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    TooLarge { len: usize, max: usize },
}

impl Error {
    pub(crate) fn too_large(len: usize, max: usize) -> Error {
        Error { kind: ErrorKind::TooLarge { len, max } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::TooLarge { len, max } => {
                write!(f, "the text is {len} bytes long, more than the {max} bytes article-lens analyses at once; paste one article")
            }
        }
    }
}

impl std::error::Error for Error {}
