"""The Dagster resource carrying a run's settings (from the environment by default, CONTRACT section 2)."""
from __future__ import annotations

from dagster import ConfigurableResource

from .config import Settings
from .state import StateDir


class ClaimhouseSettings(ConfigurableResource):
    """Paths, batch size, per-document time budget; unset fields fall back to the CLAIMHOUSE_* variables."""

    sources_file: str = ""
    warehouse: str = ""
    state_dir: str = ""
    batch_size: int = 0
    doc_timeout: float = -1.0  # seconds per document per stage; negative: CLAIMHOUSE_DOC_TIMEOUT (0: no limit)

    def settings(self) -> Settings:
        env = Settings.from_env()
        return Settings(
            sources_file=Settings.from_env({"CLAIMHOUSE_SOURCES": self.sources_file}).sources_file
            if self.sources_file else env.sources_file,
            warehouse=Settings.from_env({"CLAIMHOUSE_WAREHOUSE": self.warehouse}).warehouse
            if self.warehouse else env.warehouse,
            state_dir=Settings.from_env({"CLAIMHOUSE_STATE": self.state_dir}).state_dir
            if self.state_dir else env.state_dir,
            batch_size=self.batch_size or env.batch_size,
            doc_timeout=self.doc_timeout if self.doc_timeout >= 0 else env.doc_timeout,
        )

    def state(self) -> StateDir:
        return StateDir(self.settings().state_dir)
