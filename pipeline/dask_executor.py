"""Dagster's dask executor, driven step by step so that dynamic fan-outs work.

dagster-dask submits the whole plan to dask up front, level by level, which cannot express steps that exist
only once an upstream step has yielded its dynamic outputs (dagster-io/dagster#9785), and the warehouse graph
fans out over batches that way. This executor keeps dagster-dask's configuration and its worker entry point
(`query_on_dask_worker`: the step runs in a dask worker process, loading the job by module, reading its inputs
from and writing its events to the shared Dagster instance), but drives the plan with Dagster's ActiveExecution,
as the multiprocess executor does: a step is submitted when its inputs are ready, with the known state (the
dynamic mapping keys so far).
"""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import dask.distributed
from dagster import AssetSelection, define_asset_job, executor, multiple_process_executor_requirements
from dagster._core.errors import DagsterExecutionInterruptedError
from dagster._core.events import DagsterEvent
from dagster._core.execution.context.system import PlanOrchestrationContext
from dagster._core.execution.plan.active import ActiveExecution
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._core.execution.plan.step import ExecutionStep
from dagster._utils.error import serializable_error_info_from_exc_info
from dagster_dask.executor import DaskExecutor, get_dask_resource_requirements, query_on_dask_worker
from dagster_dask.executor import dask_executor as _dagster_dask_executor

POLL_SECONDS = 0.5


@executor(name="dask", config_schema=_dagster_dask_executor.config_schema,
          requirements=multiple_process_executor_requirements())
def dask_executor(init_context) -> DaskExecutor:
    """Steps run on a dask cluster: `cluster: {existing: {address: tcp://host:8786}}` or `{local: {...}}`."""
    ((cluster_type, cluster_configuration),) = init_context.executor_config["cluster"].items()
    return DynamicDaskExecutor(cluster_type, cluster_configuration)


def _wait_for_one(futures: list[dask.distributed.Future]) -> None:
    """Until one of `futures` is done, or POLL_SECONDS pass (so interrupts are noticed)."""
    with contextlib.suppress(TimeoutError):
        dask.distributed.wait(futures, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")


class DynamicDaskExecutor(DaskExecutor):
    """dagster-dask's executor with a step-at-a-time loop (see the module docstring)."""

    def _cluster(self, stack: contextlib.ExitStack, job_name: str):
        """The scheduler address to connect to (a local cluster is started, and stopped with `stack`)."""
        if self.cluster_type == "existing":
            return self.cluster_configuration["address"]
        if self.cluster_type == "local":
            return stack.enter_context(dask.distributed.LocalCluster(**self.build_dict(job_name)))
        raise ValueError(f"dask cluster type {self.cluster_type!r} is not supported here: start the cluster "
                         "yourself and give its scheduler as `existing: {address: ...}`")

    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
        if not plan_context.instance.is_persistent:
            raise ValueError("the dask executor needs a persistent Dagster instance (set DAGSTER_HOME) that the "
                             "dask workers share")
        with contextlib.ExitStack() as stack:
            client = stack.enter_context(dask.distributed.Client(self._cluster(stack, plan_context.job_name)))
            active = stack.enter_context(ActiveExecution(execution_plan, retry_mode=self.retries))
            running: dict[str, dask.distributed.Future] = {}
            try:
                while not active.is_complete:
                    if active.check_for_interrupts():
                        active.mark_interrupted()
                        raise DagsterExecutionInterruptedError()
                    for step in active.get_steps_to_execute():
                        running[step.key] = self._submit(client, plan_context, active, step)
                    if running:
                        _wait_for_one(list(running.values()))
                    for key in [k for k, f in running.items() if f.done()]:
                        yield from self._collect(plan_context, active, key, running.pop(key))
                    yield from active.plan_events_iterator(plan_context)
            finally:
                for future in running.values():
                    future.cancel()

    def _submit(self, client: dask.distributed.Client, plan_context: PlanOrchestrationContext,
                active: ActiveExecution, step: ExecutionStep) -> dask.distributed.Future:
        return client.submit(
            query_on_dask_worker, [], plan_context.reconstructable_job, plan_context.dagster_run,
            plan_context.run_config, [step.key], plan_context.instance.get_ref(), active.get_known_state(),
            key=f"{plan_context.run_id}.{step.key}", pure=False,
            resources=get_dask_resource_requirements(step.tags))

    def _collect(self, plan_context: PlanOrchestrationContext, active: ActiveExecution, key: str,
                 future: dask.distributed.Future) -> Iterator[DagsterEvent]:
        """The events of one finished step, or its failure when the worker raised or died."""
        try:
            events = future.result()
        except Exception:  # noqa: BLE001 - a lost worker or an error outside the step becomes the step's failure
            error = serializable_error_info_from_exc_info(sys.exc_info())
            step_context = plan_context.for_step(active.get_step_by_key(key))
            events = [self.log_failure_or_retry_event_after_error(step_context, error, active.get_known_state())]
        for event in events:
            yield event
            active.handle_event(event)
        active.verify_complete(plan_context, key)


refresh_warehouse_on_dask = define_asset_job(
    "refresh_warehouse_on_dask", selection=AssetSelection.all(), executor_def=dask_executor,
    description="The same run with its steps on an existing dask cluster (README 'Scaling out'): give the "
                "scheduler as execution.config.cluster.existing.address; workers share the state folder and "
                "DAGSTER_HOME.")
