import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { labStore } from './store/labStore.ts';
import { attachPersistence } from './store/persistence.ts';
import { App } from './ui/App.tsx';

// The session survives a reload: restored before the first render, saved as it changes.
attachPersistence(labStore, window.localStorage);

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
