// The results on a map (its own chunk: Leaflet and its styles load only when the map is shown).
import { useEffect } from 'react';
import { Box, Text } from '@mantine/core';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Company, MapTiles, SearchMapPoint } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import { hitPath } from '../hooks/hits';
import type { SearchFilters } from '../hooks/searchFilters';
import { useSearchMap } from '../hooks/useSearch';
import classes from './ResultsMap.module.css';

/** Metropolitan France, when nothing is placed. */
const FRANCE: L.LatLngTuple = [46.6, 2.4];

const markerIcon = L.divIcon({
  className: classes.marker,
  html: '<span></span>',
  iconSize: [18, 18],
  iconAnchor: [9, 9],
  popupAnchor: [0, -10],
});

function clusterIcon(cluster: L.MarkerCluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? 32 : count < 100 ? 40 : 48;
  const html = document.createElement('span');
  html.textContent = String(count);
  return L.divIcon({ className: classes.cluster, html, iconSize: [size, size] });
}

interface PopupLabels {
  open: string;
  sheet: string;
  loading: string;
}

function textLine(text: string, className?: string): HTMLElement {
  const line = document.createElement('div');
  line.textContent = text;
  if (className) line.className = className;
  return line;
}

/**
 * A popup built from text nodes only; its links open the page inside the app. A company's popup then adds
 * its sector and commune, read when it opens (the map's points carry only names and coordinates).
 */
function popupContent(hit: SearchMapPoint, labels: PopupLabels, navigate: (path: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = classes.popup;
  const path = hitPath(hit);
  const inApp = (link: HTMLAnchorElement, to: string) => {
    link.href = to;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(to);
    });
  };
  const title = document.createElement(path ? 'a' : 'strong');
  title.textContent = hit.title;
  title.className = classes.popupTitle;
  if (path && title instanceof HTMLAnchorElement) {
    inApp(title, path);
    title.setAttribute('aria-label', `${labels.open} ${hit.title}`);
  }
  box.append(title);
  if (hit.kind === 'company' && path) {
    const details = textLine(labels.loading, classes.popupMeta);
    const more = document.createElement('a');
    more.textContent = labels.sheet;
    inApp(more, path);
    box.append(details, more);
    api.get<Company>(`/companies/${encodeURIComponent(hit.id)}`).then(
      (company) => {
        const commune = company.address.commune ? `${company.address.commune.name} (${company.address.commune.departement.code})` : null;
        details.replaceChildren(...[company.naf?.label, commune].filter((v): v is string => !!v).map((v) => textLine(v)));
      },
      () => details.remove(),
    );
  }
  return box;
}

function Markers({ hits }: { hits: SearchMapPoint[] }) {
  const map = useMap();
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(() => {
    const labels = { open: t('search.map.open'), sheet: t('search.map.sheet'), loading: t('common.loading') };
    const group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 50 });
    const placed = hits;
    for (const hit of placed) {
      const marker = L.marker([hit.lat, hit.lng], { icon: markerIcon, title: hit.title, alt: hit.title, keyboard: true });
      marker.bindPopup(() => popupContent(hit, labels, navigate));
      group.addLayer(marker);
    }
    map.addLayer(group);
    if (placed.length) map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 12 });
    else map.setView(FRANCE, 5);
    return () => {
      map.removeLayer(group);
    };
  }, [hits, map, navigate, t]);
  return null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Leaflet takes the credit as HTML: built from the setting's plain text, escaped. */
function attributionHtml(tiles: MapTiles): string {
  return `<a href="${escapeHtml(tiles.attributionUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(tiles.attribution)}</a>`;
}

/**
 * Every placed result of the search (not only the page): tiles of the configured server (OpenStreetMap by default) (a blank background when
 * they cannot load), clustered markers, popups.
 */
export default function ResultsMap({ filters }: { filters: SearchFilters }) {
  const { t } = useTranslation();
  const map = useSearchMap(filters);
  if (map.isError) return <ErrorAlert error={map.error} title={t('search.error')} onRetry={() => void map.refetch()} />;
  const points = map.data?.points ?? [];
  return (
    <Box aria-busy={map.isFetching}>
      <Text size="sm" mb="xs" role="status">
        {map.data ? t('search.map.shown', { count: points.length }) : t('common.loading')}
        {map.data?.truncated ? ` ${t('search.map.partial', { count: points.length })}` : null}
      </Text>
      <div className={classes.frame} role="region" aria-label={t('search.map.label')}>
        <MapContainer center={FRANCE} zoom={5} minZoom={3} maxZoom={19} className={classes.map} scrollWheelZoom={false}>
          {map.data ? <TileLayer url={map.data.tiles.url} attribution={attributionHtml(map.data.tiles)} maxZoom={19} /> : null}
          <Markers hits={points} />
        </MapContainer>
      </div>
    </Box>
  );
}
