import * as React from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { refusalOf } from '../../customer-actions/components/ActionModal';
import { useLocaleFormat } from '../../format';
import { useLabels } from '../../labels';
import { editViewPath, usePermissions } from '../../customer-actions/shared';
import { FLOW_BASE, FLOW_MODELS, SEGMENT, uidOfType, useFlowT } from '../flow';

/** One document of a chain (GET .../sales-flow/:type/:documentId/chain). */
interface ChainNode {
  type: string;
  documentId: string;
  number: string | null;
  kind?: string | null;
  state: string | null;
  date: string | null;
  amountExclTax: string | null;
  currency: string | null;
  from?: ChainNode[];
  made?: ChainNode[];
}
interface Chain {
  document: ChainNode;
  from: ChainNode[];
  made: ChainNode[];
}

/** The chain of a document, read again when the document changes (`version`). */
const useChain = (model: string, documentId: string, version: unknown) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ chain: Chain | null; error: string | null }>({ chain: null, error: null });
  React.useEffect(() => {
    let live = true;
    get<{ data: Chain }>(`${FLOW_BASE}/sales-flow/${SEGMENT[model]}/${documentId}/chain`)
      .then(({ data }) => live && setState({ chain: data.data, error: null }))
      .catch((e) => live && setState({ chain: null, error: refusalOf(e).message }));
    return () => {
      live = false;
    };
  }, [model, documentId, version, get]);
  return state;
};

/** A node and, indented under it, the nodes of `next` (its sources, or what was made from it). */
const Nodes = ({ nodes, next, depth = 0 }: { nodes: ChainNode[]; next: 'from' | 'made'; depth?: number }) => {
  const t = useFlowT();
  const { money, date } = useLocaleFormat();
  const { valueLabel } = useLabels();
  return (
    <>
      {nodes.map((node) => {
        const type = node.kind === 'creditNote' ? 'creditNote' : node.type;
        return (
          <React.Fragment key={`${node.type}-${node.documentId}-${depth}`}>
            {/* the theme's spacing scale stops early: deep chains indent in plain pixels */}
            <Box style={{ paddingLeft: depth * 12 }} data-chain-node={node.documentId} data-chain-type={type}>
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="pi" textColor="neutral600">{t(`type.${type}`, type)}</Typography>
                <Typography variant="pi" data-chain-state>{valueLabel(uidOfType(node.type), 'state', node.state)}</Typography>
              </Flex>
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="pi" fontWeight="bold">
                  <Link to={editViewPath(uidOfType(node.type), node.documentId)}>{node.number ?? node.documentId}</Link>
                </Typography>
                <Typography variant="pi" data-chain-amount>{money(node.amountExclTax, node.currency)}</Typography>
              </Flex>
              <Typography variant="pi" textColor="neutral600" data-chain-date>{date(node.date)}</Typography>
            </Box>
            {node[next]?.length ? <Nodes nodes={node[next]!} next={next} depth={depth + 1} /> : null}
          </React.Fragment>
        );
      })}
    </>
  );
};

const ChainBody = ({ model, documentId, version }: { model: string; documentId: string; version: unknown }) => {
  const t = useFlowT();
  const { chain, error } = useChain(model, documentId, version);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!chain) return <Loader small>{t('loading', 'Loading')}</Loader>;
  const section = (name: 'from' | 'made', title: string, empty: string) => (
    <Flex direction="column" alignItems="stretch" gap={2} data-chain-section={name}>
      <Typography variant="sigma">{title}</Typography>
      {chain[name].length ? <Nodes nodes={chain[name]} next={name} /> : <Typography variant="pi" textColor="neutral500">{empty}</Typography>}
    </Flex>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-chain={documentId}>
      {section('from', t('chain.from', 'Made from'), t('chain.noSource', 'Made directly'))}
      {section('made', t('chain.made', 'Made from it'), t('chain.nothingMade', 'Nothing yet'))}
    </Flex>
  );
};

/** The sales-flow chain of a quotation, order, delivery, billing table, invoice or receipt. */
export const ChainPanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useFlowT();
  const { read } = usePermissions();
  if (!FLOW_MODELS.includes(model) || !documentId || !read) return null;
  return {
    title: t('chain.title', 'Sales flow'),
    content: <ChainBody model={model} documentId={documentId} version={document?.updatedAt} />,
  };
};
