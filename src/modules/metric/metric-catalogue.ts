/**
 * The metric catalogue: every meaning cchc-atlas reads out of administrative-reform articles.
 *
 * Public surface: `METRIC_CATALOGUE`, `MetricDefinition`, `MetricUnit`, `METRIC_CODES`.
 * Codes are stable identifiers (they appear in URLs, CSV files and saved queries): never rename one, add a new one.
 * Where `../shared/seeds/gold.jsonl` uses a code for a meaning, we use the same code so figures can be scored
 * against labelled articles. The national service index (Decision 766/QĐ-TTg, 2022) guided which metrics matter.
 */
export type MetricUnit = 'percent' | 'count' | 'score' | 'rank' | 'day';

export interface MetricDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  /** The unit the metric is usually stated in; a figure carries its own unit. */
  unit: MetricUnit;
  description: string;
  /** true when a larger value is better, false when smaller is better, null when neither (counts of activity). */
  higherIsBetter: boolean | null;
  /** Definition changes that comparisons across years must not hide. */
  definitionNotes?: string;
  /** Year from which the definition in force differs from the one before (used to flag comparisons). */
  definitionChangedIn?: number;
  /** Largest possible value: the points a component of a score is out of (e.g. 18 of the index's 100). */
  maxValue?: number;
}

const INDEX_NOTE = 'National service index of Decision 766/QĐ-TTg (2022), published on dichvucong.gov.vn per province, '
  + 'department and commune for months, quarters, halves and years. Scores 2022-2025 come from the legacy rest.jsp '
  + 'service, from 2026 from the current JSON API, which scores sub-metrics of each group; the group maxima are the same '
  + 'in both as far as public sources show, but the legacy weights of 2022-2024 were never published.';

export const METRIC_CATALOGUE: readonly MetricDefinition[] = [
  { code: 'dvc_index_total', nameVi: 'Bộ chỉ số phục vụ người dân, doanh nghiệp: tổng điểm', nameEn: 'Service index (Decision 766): total score', unit: 'score', higherIsBetter: true, maxValue: 100,
    description: 'Total of the six groups of the national service index, out of 100 (TONG_SCORE / totalScore).',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_transparency', nameVi: 'Bộ chỉ số 766: công khai, minh bạch', nameEn: 'Service index: transparency', unit: 'score', higherIsBetter: true, maxValue: 18,
    description: 'Group CKMB, out of 18: procedures published on time and in full, dossiers synchronised to the national portal.',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_progress', nameVi: 'Bộ chỉ số 766: tiến độ giải quyết', nameEn: 'Service index: processing progress', unit: 'score', higherIsBetter: true, maxValue: 20,
    description: 'Group TDGQ, out of 20: dossiers resolved early, on time or still within their deadline among all handled.',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_online', nameVi: 'Bộ chỉ số 766: dịch vụ công trực tuyến', nameEn: 'Service index: online public services', unit: 'score', higherIsBetter: true, maxValue: 12,
    description: 'Group CLGQ, out of 12: fully online dossiers among dossiers of procedures eligible to be fully online.',
    definitionChangedIn: 2026, definitionNotes: `${INDEX_NOTE} In the legacy 2025 data this group never exceeds 10; an older summary table showed online services and online payment as one 22-point group.` },
  { code: 'dvc_index_payment', nameVi: 'Bộ chỉ số 766: thanh toán trực tuyến', nameEn: 'Service index: online payment', unit: 'score', higherIsBetter: true, maxValue: 10,
    description: 'Group TTTT, out of 10: procedures with fees offered and paid online, dossiers paid online.',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_satisfaction', nameVi: 'Bộ chỉ số 766: mức độ hài lòng', nameEn: 'Service index: satisfaction', unit: 'score', higherIsBetter: true, maxValue: 18,
    description: 'Group MDHL, out of 18: satisfaction with receiving dossiers, petitions handled on time and to satisfaction.',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_digitisation', nameVi: 'Bộ chỉ số 766: số hóa hồ sơ', nameEn: 'Service index: digitisation', unit: 'score', higherIsBetter: true, maxValue: 22,
    description: 'Group MDSH, out of 22: electronic results, digitised dossier components, re-used data, connected citizen data.',
    definitionChangedIn: 2026, definitionNotes: INDEX_NOTE },
  { code: 'dvc_index_rank', nameVi: 'Bộ chỉ số 766: thứ hạng', nameEn: 'Service index: rank', unit: 'rank', higherIsBetter: false,
    description: 'Position in the list the index published (legacy ROW_STT): among provinces in the national list; departments and communes together in a province\'s list.',
    definitionNotes: 'Published by the legacy service only; the current API gives no rank.' },
  { code: 'satisfaction_rate', nameVi: 'Tỷ lệ hài lòng của người dân, tổ chức', nameEn: 'Citizen and business satisfaction rate', unit: 'percent', higherIsBetter: true,
    description: 'Share of citizens and organisations satisfied with how their dossiers were handled (satisfaction surveys, SIPAS, evaluation terminals at the one-stop desk).',
    definitionNotes: 'From the national service index (current API, handling-satisfaction): DOSSIER_RECEIVING_SATISFACTION numerator / denominator, both stored on the figure.' },
  { code: 'sipas_score', nameVi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', nameEn: 'SIPAS satisfaction index', unit: 'score', higherIsBetter: true,
    description: 'The SIPAS index as a score (not a percentage of satisfied respondents).' },
  { code: 'on_time_rate', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Dossiers resolved on time', unit: 'percent', higherIsBetter: true,
    description: 'Share of administrative dossiers resolved on or before the deadline ("đúng hạn", "đúng và trước hạn").' },
  { code: 'late_dossiers', nameVi: 'Hồ sơ trễ hạn, quá hạn', nameEn: 'Late or overdue dossiers', unit: 'count', higherIsBetter: false,
    description: 'Dossiers resolved after the deadline or still overdue ("trễ hạn", "quá hạn"); a count, or a share when stated in percent.' },
  { code: 'dossiers_received', nameVi: 'Số hồ sơ tiếp nhận', nameEn: 'Dossiers received', unit: 'count', higherIsBetter: null,
    description: 'Administrative dossiers received by the one-stop desk in the period.' },
  { code: 'dossiers_resolved', nameVi: 'Số hồ sơ đã giải quyết', nameEn: 'Dossiers resolved', unit: 'count', higherIsBetter: null,
    description: 'Administrative dossiers resolved (results returned) in the period.' },
  { code: 'online_dossier_rate', nameVi: 'Tỷ lệ hồ sơ nộp, xử lý trực tuyến', nameEn: 'Share of dossiers submitted or processed online', unit: 'percent', higherIsBetter: true,
    description: 'Share of dossiers submitted through the online public-service portal ("nộp qua mạng", "trực tuyến").',
    definitionNotes: 'From the national service index (current API, provide-online-tree, provinces only): dossiers submitted online of all dossiers by submission channel (channelOnlineSum / channelTotalSum), both stored on the figure.' },
  { code: 'online_dossiers', nameVi: 'Số hồ sơ trực tuyến', nameEn: 'Dossiers submitted online', unit: 'count', higherIsBetter: true,
    description: 'Number of dossiers received through online public services.' },
  { code: 'online_services_l12', nameVi: 'Dịch vụ công trực tuyến mức độ 1, 2', nameEn: 'Online public services, levels 1-2', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered online at levels 1-2 (information and forms only).', definitionChangedIn: 2022,
    definitionNotes: 'Levels 1-4 were replaced in 2022 (Decree 42/2022/NĐ-CP) by "toàn trình" (fully online) and "một phần" (partly online).' },
  { code: 'online_services_l3', nameVi: 'Dịch vụ công trực tuyến mức độ 3', nameEn: 'Online public services, level 3', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered online at level 3 (submission and processing online, result collected in person).', definitionChangedIn: 2022,
    definitionNotes: 'Level 3 roughly corresponds to "một phần" (partly online) from 2022; the two are not the same definition.' },
  { code: 'online_services_l4', nameVi: 'Dịch vụ công trực tuyến mức độ 4', nameEn: 'Online public services, level 4', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered online at level 4 (fully online including payment and result).', definitionChangedIn: 2022,
    definitionNotes: 'Level 4 roughly corresponds to "toàn trình" (fully online) from 2022; the two are not the same definition.' },
  { code: 'online_services_l34', nameVi: 'Dịch vụ công trực tuyến mức độ 3, 4', nameEn: 'Online public services, levels 3-4', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered online at levels 3 and 4 together.', definitionChangedIn: 2022,
    definitionNotes: 'Replaced in 2022 by "toàn trình" and "một phần" counts.' },
  { code: 'online_services_full', nameVi: 'Dịch vụ công trực tuyến toàn trình', nameEn: 'Fully online public services', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered fully online ("toàn trình"), the national index definition from 2022.', definitionChangedIn: 2022,
    definitionNotes: 'New definition from 2022; not comparable with level-4 counts of earlier years.' },
  { code: 'online_services_partial', nameVi: 'Dịch vụ công trực tuyến một phần', nameEn: 'Partly online public services', unit: 'count', higherIsBetter: true,
    description: 'Procedures offered partly online ("một phần"), the national index definition from 2022.', definitionChangedIn: 2022,
    definitionNotes: 'New definition from 2022; not comparable with level-3 counts of earlier years.' },
  { code: 'postal_rate', nameVi: 'Tỷ lệ hồ sơ qua dịch vụ bưu chính công ích', nameEn: 'Dossiers via public postal service', unit: 'percent', higherIsBetter: true,
    description: 'Share of dossiers received or results returned through the public postal service (bưu chính công ích).' },
  { code: 'e_payment_rate', nameVi: 'Tỷ lệ thanh toán trực tuyến, không dùng tiền mặt', nameEn: 'E-payment share', unit: 'percent', higherIsBetter: true,
    description: 'Share of fees or transactions paid electronically (thanh toán điện tử, không dùng tiền mặt).',
    definitionNotes: 'From the national service index (current API, formality-online-payment-tree): dossiers paid online of the dossiers with a fee (totalDossierOnlinePaymentSuccess / totalDossierFinancialObligation), both stored on the figure.' },
  { code: 'digitisation_rate', nameVi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', nameEn: 'Digitisation of dossiers and results', unit: 'percent', higherIsBetter: true,
    description: 'Share of dossiers or results digitised (số hóa).',
    definitionNotes: 'From the national service index (current API, dossier-digitized): SO_HOA_GIAY_TO_GIAI_QUYET numerator / denominator (documents of resolved dossiers digitised), both stored on the figure.' },
  { code: 'procedures_published_rate', nameVi: 'Tỷ lệ TTHC được công khai', nameEn: 'Procedures published', unit: 'percent', higherIsBetter: true,
    description: 'Share of administrative procedures published on the portal and at the one-stop desk (công khai, niêm yết).' },
  { code: 'iso_rate', nameVi: 'Tỷ lệ áp dụng ISO / TCVN 9001', nameEn: 'ISO / TCVN 9001 coverage', unit: 'percent', higherIsBetter: true,
    description: 'Share of procedures or agencies applying the ISO (TCVN 9001) quality management system.' },
  { code: 'feedback_handled_rate', nameVi: 'Tỷ lệ phản ánh, kiến nghị được xử lý', nameEn: 'Feedback and petitions handled', unit: 'percent', higherIsBetter: true,
    description: 'Share of citizen feedback and petitions (phản ánh, kiến nghị) handled.' },
  { code: 'targets_met', nameVi: 'Chỉ tiêu hoàn thành', nameEn: 'Targets met', unit: 'count', higherIsBetter: true,
    description: 'Reform targets met (e.g. 7/8 chỉ tiêu: value 7 of total 8).' },
  { code: 'tasks_completed', nameVi: 'Nhiệm vụ, đầu việc hoàn thành', nameEn: 'Tasks completed', unit: 'count', higherIsBetter: true,
    description: 'Reform tasks completed (e.g. 30/31 đầu việc), or the share of tasks completed.' },
  { code: 'initiatives', nameVi: 'Sáng kiến cải cách hành chính', nameEn: 'Reform initiatives', unit: 'count', higherIsBetter: true,
    description: 'Initiatives and improvements registered or recognised (sáng kiến, giải pháp).' },
  { code: 'staff_reduction', nameVi: 'Tinh giản biên chế', nameEn: 'Staff positions cut', unit: 'count', higherIsBetter: null,
    description: 'Staff positions cut under the streamlining policy (tinh giản biên chế).' },
  { code: 'inspection_rate', nameVi: 'Kiểm tra công tác cải cách hành chính', nameEn: 'Reform inspections', unit: 'percent', higherIsBetter: true,
    description: 'Inspections of reform work: share of units inspected, or a count of units inspected.' },
  { code: 'par_index_score', nameVi: 'Điểm Chỉ số cải cách hành chính (PAR INDEX)', nameEn: 'PAR INDEX score', unit: 'score', higherIsBetter: true,
    description: 'Score in the administrative-reform index (PAR INDEX), often out of 100.' },
  { code: 'par_index_rank', nameVi: 'Xếp hạng Chỉ số cải cách hành chính (PAR INDEX)', nameEn: 'PAR INDEX rank', unit: 'rank', higherIsBetter: false,
    description: 'Rank in the administrative-reform index (PAR INDEX); 1 is best.' },
  { code: 'service_index_score', nameVi: 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp', nameEn: 'Citizen and business service index score', unit: 'score', higherIsBetter: true,
    description: 'Score in the national service index of Decision 766/QĐ-TTg (2022).', definitionChangedIn: 2022,
    definitionNotes: 'Exists from 2022 only.' },
  { code: 'service_index_rank', nameVi: 'Xếp hạng Bộ chỉ số phục vụ người dân, doanh nghiệp', nameEn: 'Citizen and business service index rank', unit: 'rank', higherIsBetter: false,
    description: 'Rank in the national service index of Decision 766/QĐ-TTg (2022); 1 is best.', definitionChangedIn: 2022,
    definitionNotes: 'Exists from 2022 only.' },
  { code: 'processing_days', nameVi: 'Thời gian giải quyết hồ sơ', nameEn: 'Processing time', unit: 'day', higherIsBetter: false,
    description: 'Average days to resolve a dossier, over the unit\'s dossiers; one procedure\'s days or a legal time limit is not this metric (labelling rule 17).' },
  { code: 'other', nameVi: 'Chỉ số khác', nameEn: 'Other figure', unit: 'count', higherIsBetter: null,
    description: 'A reform figure that fits no catalogued metric; kept with its evidence so a reviewer can classify it.' },
];

export const METRIC_CODES: ReadonlySet<string> = new Set(METRIC_CATALOGUE.map((m) => m.code));
