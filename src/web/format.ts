// Figures as Vietnamese readers write them: 12.345 and 45,6%.
import { formatDeadline } from '../modules/campaigns/deadlines.js';

const numberFormat = new Intl.NumberFormat('vi-VN');

export const formatters = {
  n: (value: number) => numberFormat.format(value),
  pct: (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')}%`),
  when: (date: Date) => formatDeadline(date),
};

export const statusLabels: Record<string, string> = {
  not_invited: 'Chưa được mời',
  invited: 'Đang chờ gửi thư',
  delivered: 'Đã nhận thư',
  bounced: 'Thư bị trả lại',
  opened: 'Đã mở phiếu',
  completed: 'Đã trả lời',
};
