/** Every entity, in one list for the ORM config (and so the CLI, tests and app discover the same set). */
import { AdminUnit } from '../modules/unit/admin-unit.entity';
import { UnitSuccession } from '../modules/unit/unit-succession.entity';
import { UnitParentPeriod } from '../modules/unit/unit-parent-period.entity';
import { Metric } from '../modules/metric/metric.entity';
import { Source } from '../modules/source/source.entity';
import { Document } from '../modules/document/document.entity';
import { Figure } from '../modules/figure/figure.entity';
import { FigureReview } from '../modules/figure/figure-review.entity';
import { IngestRun } from '../modules/ingest-run/ingest-run.entity';
import { IngestRunItem } from '../modules/ingest-run/ingest-run-item.entity';
import { HostPoliteness } from '../modules/source/host-politeness.entity';
import { AppState } from './app-state.entity';
import { FigurePick, FigurePickDirty } from '../modules/figure/figure-pick.entity';
import { IndexAgency } from '../modules/dvc-index/index-agency.entity';
import { IndexRequestState } from '../modules/dvc-index/index-request.entity';

export const ENTITIES = [AdminUnit, UnitSuccession, UnitParentPeriod, Metric, Source, Document, Figure, FigureReview, IngestRun, IngestRunItem, HostPoliteness, AppState, IndexAgency, IndexRequestState, FigurePick, FigurePickDirty];
