"""Exceptions raised by newsdesk, each with a message a user can act on."""


class NewsdeskError(Exception):
    """Base class: the CLI prints these as a one-line error without a traceback."""


class InputError(NewsdeskError):
    """A path or input given by the user cannot be used (missing file, unknown format)."""


class ReadError(NewsdeskError):
    """One record cannot be read or parsed; it goes to the quarantine with this message as reason."""


class PipelineError(NewsdeskError):
    """Steps are chained wrongly: one needs a field that no earlier step adds."""


class StoreError(NewsdeskError):
    """The store cannot be opened or written."""


class ModelError(NewsdeskError):
    """A language model is missing or cannot be loaded."""


class EntityError(NewsdeskError):
    """An entity cannot be found, merged or split as asked."""


class DedupError(NewsdeskError):
    """The near-duplicate index cannot be read, written or extended (wrong parameters, corrupt file)."""


class ExecutorError(NewsdeskError):
    """A process pool or Dask cluster cannot be started or reached, or a worker died during a run."""
