import { ChartBubble, Eye } from '@strapi/icons';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { CUSTOMER_UID, dashboardPath, overviewPath, READ_PERMISSIONS, useT } from '../utils';

/** Shown on a saved customer / prospect record to users with the "Customer records" read permission. */
const useVisible = (model: string, documentId?: string) => {
  const { allowedActions } = useRBAC(READ_PERMISSIONS);
  return model === CUSTOMER_UID && Boolean(documentId) && Boolean(allowedActions.canRead);
};

export const OverviewAction: DocumentActionComponent = ({ model, documentId }) => {
  const navigate = useNavigate();
  const { t } = useT();
  if (!useVisible(model, documentId)) return null;
  return { label: t('overview.open', '360° view'), icon: <Eye />, position: 'header', onClick: () => navigate(overviewPath(documentId!)) };
};
OverviewAction.position = 'header';

export const DashboardAction: DocumentActionComponent = ({ model, documentId }) => {
  const navigate = useNavigate();
  const { t } = useT();
  if (!useVisible(model, documentId)) return null;
  return { label: t('dashboard.open', 'Dashboard'), icon: <ChartBubble />, position: 'header', onClick: () => navigate(dashboardPath(documentId!)) };
};
DashboardAction.position = 'header';
