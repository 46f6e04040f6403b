"""Failing a Dagster step with a message that already explains itself, and nothing else.

A raised `dagster.Failure` is logged with the stack of Dagster's own frames under it, so the UI shows a bad
sources file as its message followed by twenty lines of `execute_plan.py`. An error Dagster receives already
serialised (the way a code server's errors reach the webserver) is logged as it is: the message alone.
"""
from __future__ import annotations

from dagster._core.errors import DagsterUserCodeProcessError
from dagster._utils.error import SerializableErrorInfo

CLASS_NAME = "ExplainedFailure"


def explained_failure(message: str) -> DagsterUserCodeProcessError:
    """The error to raise from an op for `message`: the step fails, and its log shows `message` with no stack."""
    info = SerializableErrorInfo(message=message, stack=[], cls_name=CLASS_NAME)
    return DagsterUserCodeProcessError.from_error_info(info)
