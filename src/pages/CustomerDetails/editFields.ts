// The fields an office user can edit on the details page. Select options are
// typed against the generated API types, so an enum that changes in the
// document fails the typecheck here.
import type { components } from '../../api/ghc';
import type { EditField } from '../../components/edit/formValues';

type Schemas = components['schemas'];

const PHONE_HINT = 'For example 210-555-0134';

export const customerEditFields: EditField[] = [
  { name: 'firstName', label: 'First name', required: true, maxLength: 100 },
  { name: 'middleName', label: 'Middle name', nullable: true, maxLength: 100 },
  { name: 'lastName', label: 'Last name', required: true, maxLength: 100 },
  { name: 'suffix', label: 'Suffix', nullable: true, maxLength: 20 },
  { name: 'phone', label: 'Phone', type: 'tel', required: true, hint: PHONE_HINT },
  { name: 'email', label: 'Email', type: 'email', required: true, maxLength: 255 },
  { name: 'backupContact.name', label: 'Backup contact name', required: true, maxLength: 200 },
  {
    name: 'backupContact.phone',
    label: 'Backup contact phone',
    type: 'tel',
    required: true,
    hint: PHONE_HINT,
  },
  {
    name: 'backupContact.email',
    label: 'Backup contact email',
    type: 'email',
    required: true,
    maxLength: 255,
  },
];

export const orderTypes: Record<Schemas['OrdersType'], string> = {
  PERMANENT_CHANGE_OF_STATION: 'Permanent change of station',
  LOCAL_MOVE: 'Local move',
  RETIREMENT: 'Retirement',
  SEPARATION: 'Separation',
};

export const departments: Record<Schemas['DeptIndicator'], string> = {
  ARMY: 'Army',
  ARMY_CORPS_OF_ENGINEERS: 'Army Corps of Engineers',
  NAVY_AND_MARINES: 'Navy and Marines',
  AIR_AND_SPACE_FORCE: 'Air and Space Force',
  COAST_GUARD: 'Coast Guard',
};

const gradeCodes: Schemas['Grade'][] = [
  'E_1',
  'E_2',
  'E_3',
  'E_4',
  'E_5',
  'E_6',
  'E_7',
  'E_8',
  'E_9',
  'W_1',
  'W_2',
  'W_3',
  'W_4',
  'W_5',
  'O_1',
  'O_2',
  'O_3',
  'O_4',
  'O_5',
  'O_6',
  'O_7',
  'O_8',
  'O_9',
  'O_10',
];
const grades = Object.fromEntries(gradeCodes.map((code) => [code, code.replace('_', '-')]));

export const branches: Record<Schemas['Affiliation'], string> = {
  ARMY: 'Army',
  NAVY: 'Navy',
  MARINES: 'Marine Corps',
  AIR_FORCE: 'Air Force',
  SPACE_FORCE: 'Space Force',
  COAST_GUARD: 'Coast Guard',
};

export const orderEditFields: EditField[] = [
  { name: 'orderNumber', label: 'Orders number', required: true, maxLength: 30 },
  { name: 'orderType', label: 'Orders type', type: 'select', options: orderTypes, required: true },
  { name: 'orderTypeDetail', label: 'Orders type detail', nullable: true, maxLength: 100 },
  { name: 'issueDate', label: 'Date issued', type: 'date', required: true },
  { name: 'reportByDate', label: 'Report by date', type: 'date', required: true },
  {
    name: 'departmentIndicator',
    label: 'Department indicator',
    type: 'select',
    options: departments,
    required: true,
  },
  { name: 'grade', label: 'Pay grade', type: 'select', options: grades, required: true },
  { name: 'tac', label: 'TAC', nullable: true, hint: 'Four letters or digits', maxLength: 4 },
  { name: 'sac', label: 'SAC', nullable: true, maxLength: 80 },
];

export const tioRemarksEditFields: EditField[] = [
  { name: 'tioRemarks', label: 'TIO remarks', type: 'textarea', nullable: true, maxLength: 2000 },
];
