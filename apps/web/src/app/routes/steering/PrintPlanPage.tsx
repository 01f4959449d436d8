import { useParams } from 'react-router';
import { PrintablePlan } from '../../../features/steering/components/PrintablePlan';

export default function PrintPlanPage() {
  const { planId = '' } = useParams();
  return <PrintablePlan planId={planId} />;
}
