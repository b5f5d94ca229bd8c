import type { boardStaffNl } from './board-staff.nl.ts';

export const boardStaffEn: Record<keyof typeof boardStaffNl, string> = {
  'staff.link': 'Staff and enrolments',
  'staff.title': 'Staff: {board}',
  'staff.intro': 'Your staff with a current employment: whether they have checked the delivered data, and whether they are enrolled in the register.',
  'staff.showAttention': 'Show only who needs attention',
  'staff.showAll': 'Show everyone',
  'staff.download': 'Download as CSV',
  'staff.none': 'No staff have been delivered yet.',
  'staff.noneAttention': 'Nobody needs attention: everyone has checked and is enrolled.',
  'staff.caption': 'Staff',
  'staff.captionAttention': 'Staff who need attention',
  'staff.col.name': 'Name',
  'staff.col.staffNumber': 'Staff number',
  'staff.col.employments': 'Employments',
  'staff.col.check': 'Check',
  'staff.col.registerNumber': 'Register number',
  'staff.col.status': 'Status',
  'staff.toCheck': '{count} to check',
  'staff.disputed': '{count} disputed',
  'staff.checked': 'checked',
  'staff.notEnrolled': 'not enrolled',
};
