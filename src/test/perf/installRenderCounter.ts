// First setup file of the bench project: the hook must exist before react-dom loads.
import { installRenderCounter } from './renderCounter';

installRenderCounter();
